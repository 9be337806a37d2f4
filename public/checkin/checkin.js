// Member's phone page: log in, check in (QR token from the scanned URL, otherwise GPS), check out,
// see the year's hours and points. Plain JS, text only (no innerHTML), JWT kept for the tab only.
(function () {
  'use strict';
  var API = '/api';
  var qs = new URLSearchParams(location.search);
  var token = qs.get('token');
  var $ = function (id) { return document.getElementById(id); };
  var jwt = sessionStorage.getItem('dr.jwt');
  if (qs.get('activity')) $('activity-id').value = qs.get('activity');

  function say(text, isError) {
    $('message').textContent = text;
    $('message').className = isError ? 'error' : '';
  }
  function newKey() {
    return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
  }
  function call(method, path, body, headers) {
    var h = Object.assign({ 'Content-Type': 'application/json' }, headers || {});
    if (jwt) h.Authorization = 'Bearer ' + jwt;
    return fetch(API + path, { method: method, headers: h, body: body ? JSON.stringify(body) : undefined }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (json) {
        if (!res.ok) throw new Error((json.error && json.error.message) || ('HTTP ' + res.status));
        return json.data;
      });
    });
  }
  function show() {
    $('login').hidden = !!jwt;
    $('app').hidden = !jwt;
    if (jwt) refresh();
  }
  function refresh() {
    var year = new Date().getFullYear();
    call('GET', '/double-report/me/summary?year=' + year).then(function (s) {
      $('hours').textContent = s.verifiedHours;
      $('pending').textContent = s.pendingHours;
      $('points').textContent = s.points;
      $('requirement').textContent = s.meetsRequirement ? '已达到年度 ' + s.requiredHours + ' 小时要求' : '年度要求 ' + s.requiredHours + ' 小时，尚差 ' + Math.max(0, Math.round((s.requiredHours - s.verifiedHours) * 100) / 100) + ' 小时';
    }).catch(function (e) { say(e.message, true); });
    call('GET', '/double-report/me/check-ins?year=' + year).then(function (rows) {
      var list = $('history');
      list.textContent = '';
      rows.slice(0, 20).forEach(function (r) {
        var li = document.createElement('li');
        var status = { pending: '待审核', verified: '已审核', rejected: '已驳回' }[r.status] || r.status;
        li.textContent = (r.activity ? r.activity.title : '') + ' · ' + r.minutes + ' 分钟 · ' + status;
        list.appendChild(li);
      });
    }).catch(function () {});
  }
  function position() {
    return new Promise(function (resolve, reject) {
      if (!navigator.geolocation) return reject(new Error('此设备无法定位，请扫描活动二维码'));
      navigator.geolocation.getCurrentPosition(function (p) { resolve(p.coords); }, function () { reject(new Error('无法获取位置，请允许定位或扫描二维码')); }, { enableHighAccuracy: true, timeout: 10000 });
    });
  }

  $('login-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    var f = ev.target;
    fetch(API + '/auth/local', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ identifier: f.identifier.value, password: f.password.value }) })
      .then(function (res) { return res.json().then(function (j) { if (!res.ok) throw new Error('账号或密码错误'); return j; }); })
      .then(function (j) { jwt = j.jwt; sessionStorage.setItem('dr.jwt', jwt); say(''); show(); })
      .catch(function (e) { say(e.message, true); });
  });
  $('checkin').addEventListener('click', function () {
    var activity = $('activity-id').value.trim();
    if (!activity) return say('请先扫码或输入活动编号', true);
    // One key per tap: a retried tap after a lost response replays instead of duplicating.
    var key = newKey();
    var body = token ? Promise.resolve({ activity: activity, source: 'qr', token: token })
      : position().then(function (c) { return { activity: activity, source: 'gps', lat: c.latitude, lng: c.longitude }; });
    body.then(function (b) { return call('POST', '/double-report/check-ins', b, { 'Idempotency-Key': key }); })
      .then(function (r) { say('签到成功：' + (r.activity ? r.activity.title : '')); refresh(); })
      .catch(function (e) { say(e.message, true); });
  });
  $('checkout').addEventListener('click', function () {
    var activity = $('activity-id').value.trim();
    if (!activity) return say('请先扫码或输入活动编号', true);
    call('POST', '/double-report/check-outs', { activity: activity })
      .then(function (r) { say('签退成功，本次服务 ' + r.minutes + ' 分钟'); refresh(); })
      .catch(function (e) { say(e.message, true); });
  });
  $('logout').addEventListener('click', function () {
    jwt = null;
    sessionStorage.removeItem('dr.jwt');
    show();
  });
  show();
})();
