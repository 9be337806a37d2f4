import { useState, type ReactNode } from 'react';
import { Badge, Box, Button, Flex, Grid, Main, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useParams } from 'react-router-dom';
import { ModalError, PagePlaceholder, useData, useErrorMessage } from '@grassroots/kit/admin';
import { CaseActions } from '../components/CaseActions';
import { CaseLink } from '../components/CaseLink';
import { Nav } from '../components/Nav';
import { Timeline } from '../components/Timeline';
import { UrgencyBadge } from '../components/UrgencyBadge';
import { useCan } from '../hooks/useCan';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { CaseDetail as Detail, CaseRef, Photo } from '../types';

const Item = ({ label, children }: { label: string; children: ReactNode }) => (
  <Grid.Item col={4} s={12} direction="column" alignItems="flex-start">
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Box paddingTop={1}>{typeof children === 'string' ? <Typography>{children}</Typography> : children}</Box>
  </Grid.Item>
);

const Photos = ({ title, photos }: { title: string; photos: Photo[] }) =>
  photos.length ? (
    <Box paddingTop={4}>
      <Typography variant="omega" fontWeight="bold">
        {title}
      </Typography>
      <Flex gap={2} paddingTop={2} wrap="wrap">
        {photos.map((p) => (
          <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
            <img src={p.url} alt={p.name} style={{ width: 160, height: 120, objectFit: 'cover', borderRadius: 4 }} />
          </a>
        ))}
      </Flex>
    </Box>
  ) : null;

/**
 * 事项详情: every field by its label, deadline and urgency, owner, result and rating, the links of
 * 上报 and 合并, photos, the timeline, and the moves its status and the admin's actions allow.
 */
export const CaseDetail = () => {
  const t = useT();
  const l = useLabels();
  const can = useCan();
  const { post } = useFetchClient();
  const errorMessage = useErrorMessage();
  const { documentId } = useParams();
  const { data: c, error, reload } = useData<Detail>(`/${PLUGIN_ID}/cases/${documentId}`);
  const [message, setMessage] = useState<string | null>(null);
  if (!c) return <PagePlaceholder error={error} />;
  const refs = (list: CaseRef[] | undefined) =>
    list?.length ? (
      <Flex direction="column" alignItems="flex-start" gap={1}>
        {list.map((r) => (
          <CaseLink key={r.documentId} documentId={r.documentId} title={`${r.title} (${l.status(r.status)})`} />
        ))}
      </Flex>
    ) : (
      '—'
    );
  const link = (id: string | null) => (id ? <CaseLink documentId={id} title={t('detail.open')} /> : '—');
  // 转议事议题 / 转双报到需求 (task C's routes): offered until the link exists
  const hand = async (to: 'to-topic' | 'to-need') => {
    try {
      await post(`/${PLUGIN_ID}/cases/${c.documentId}/${to}`, {});
      setMessage(null);
      await reload();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  return (
    <Main>
      <Box padding={8}>
        <Nav title={c.title} />
        <Flex gap={3} paddingBottom={4} wrap="wrap">
          <Badge data-testid="case-status">{l.status(c.status)}</Badge>
          <Typography>
            {l.level(c.level)} · {l.source(c.source)}
          </Typography>
          <UrgencyBadge urgency={c.urgency} />
          {c.reopened && <Badge>{l.field('reopened')}</Badge>}
        </Flex>
        <Box paddingBottom={4}>
          <CaseActions item={c} candidates={c.possibleDuplicates} onDone={reload} />
          {can.dispatch && (
            <Flex gap={2} paddingTop={2}>
              {!c.links?.topic && (
                <Button size="S" variant="tertiary" onClick={() => hand('to-topic')}>
                  {t('detail.toTopic')}
                </Button>
              )}
              {!c.links?.need && (
                <Button size="S" variant="tertiary" onClick={() => hand('to-need')}>
                  {t('detail.toNeed')}
                </Button>
              )}
            </Flex>
          )}
          <ModalError error={message} paddingTop={2} />
        </Box>

        <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
          <Typography>{c.description}</Typography>
          <Box paddingTop={4}>
            <Grid.Root gap={4}>
              <Item label={l.field('category')}>
                {c.category ? `${c.category.name} · ${t('catalogue.limit', { n: c.category.timeLimitDays })}` : '—'}
              </Item>
              <Item label={l.field('grid')}>{`${c.grid?.name ?? '—'}${c.building ? ` · ${c.building}` : ''}`}</Item>
              <Item label={l.field('reportedAt')}>{l.when(c.reportedAt)}</Item>
              <Item label={l.field('acceptedAt')}>{l.when(c.acceptedAt)}</Item>
              <Item label={l.field('dispatchedAt')}>{l.when(c.dispatchedAt)}</Item>
              <Item label={l.field('dueAt')}>{l.when(c.dueAt)}</Item>
              <Item label={l.field('ownerName')}>{l.owner(c.owner)}</Item>
              <Item label={l.field('signedAt')}>{l.when(c.signedAt)}</Item>
              <Item label={l.field('handledAt')}>{l.when(c.handledAt)}</Item>
              <Item label={l.field('handledOnTime')}>
                {c.handledOnTime === null ? '—' : t(c.handledOnTime ? 'common.yes' : 'common.no')}
              </Item>
              <Item label={l.field('result')}>{c.result ?? '—'}</Item>
              <Item label={l.field('verifiedAt')}>{l.when(c.verifiedAt)}</Item>
              <Item label={l.field('satisfaction')}>{c.satisfaction ? l.satisfaction(c.satisfaction) : '—'}</Item>
              <Item label={l.field('ratedAt')}>{l.when(c.ratedAt)}</Item>
              <Item label={l.field('archivedAt')}>{l.when(c.archivedAt)}</Item>
              <Item label={l.field('extensionStatus')}>
                {`${l.extension(c.extension.status)}${c.extension.days ? ` · ${c.extension.days}` : ''}${
                  c.extension.reason ? ` · ${c.extension.reason}` : ''
                }`}
              </Item>
              {c.returnReason && <Item label={l.field('returnReason')}>{c.returnReason}</Item>}
              <Item label={l.field('parent')}>{link(c.parent)}</Item>
              <Item label={l.field('escalations')}>{refs(c.escalations)}</Item>
              <Item label={l.field('mergedInto')}>{link(c.mergedInto)}</Item>
              <Item label={l.field('mergedCases')}>{refs(c.mergedCases)}</Item>
              {c.links?.topic && <Item label={t('detail.topic')}>{c.links.topic.title}</Item>}
              {c.links?.need && <Item label={t('detail.need')}>{c.links.need.title}</Item>}
            </Grid.Root>
          </Box>
          {c.photos && (
            <>
              <Photos title={t('detail.photosBefore')} photos={c.photos.before} />
              <Photos title={t('detail.photosAfter')} photos={c.photos.after} />
            </>
          )}
        </Box>

        <Box paddingTop={8}>
          <Typography variant="delta" tag="h2">
            {l.field('events')}
          </Typography>
          <Box paddingTop={2}>
            <Timeline steps={c.history} />
          </Box>
        </Box>
      </Box>
    </Main>
  );
};
