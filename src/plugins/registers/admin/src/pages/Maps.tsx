import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Box,
  Button,
  EmptyStateLayout,
  Flex,
  Loader,
  Main,
  SingleSelect,
  SingleSelectOption,
  Switch,
  Typography,
} from '@strapi/design-system';
import { useData } from '@grassroots/kit/admin';
import type { Map as MapLibre } from 'maplibre-gl';
import { Nav } from '../components/Nav';
import { useT } from '../hooks/useT';
import { MapCanvas } from '../map/MapCanvas';
import { drawLayers, drawnCount, extentOf, showLayers } from '../map/layers';
import { Legend } from '../map/Legend';
import { useGridLabels } from '../map/useGridLabels';
import type { LayerName, MapArea, MapData } from '../map/types';

type Tab = Exclude<LayerName, 'cases'>;
const TABS: Tab[] = ['grids', 'branches', 'houses'];
const ALL = '*';

/**
 * 三图: 网格划分图, 党组织分布图 and 房屋四色图 of a street, community or grid (or the caller's
 * whole organisation), plus the grid cases as a layer. One MapLibre map; the tabs switch layers.
 * Under the map: what was drawn in this view beside what the server sent (the e2e test compares both).
 */
export const Maps = () => {
  const t = useT();
  const [within, setWithin] = useState(ALL);
  const [tab, setTab] = useState<Tab>('grids');
  const [cases, setCases] = useState(true);
  const [map, setMap] = useState<MapLibre | null>(null);
  const [drawn, setDrawn] = useState<(Record<LayerName, number> & { view: string }) | null>(null);
  const areas = useData<MapArea[]>('/registers/map/areas');
  const layers = useData<MapData>(`/registers/map${within === ALL ? '' : `?within=${within}`}`);
  const data = layers.data;

  const count = useCallback((m: MapLibre, view: string) => {
    setDrawn({
      view,
      grids: drawnCount(m, 'grids'),
      branches: drawnCount(m, 'branches'),
      houses: drawnCount(m, 'houses'),
      cases: drawnCount(m, 'cases'),
    });
  }, []);

  // new data: draw it and fit the view to it; then count once the map has settled
  const fitted = useRef<MapData | null>(null);
  useEffect(() => {
    if (!map || !data) return;
    drawLayers(map, data);
    showLayers(map, tab, cases);
    if (fitted.current !== data) {
      fitted.current = data;
      const extent = extentOf(data);
      if (extent) map.fitBounds(extent, { padding: 40, duration: 0, maxZoom: 17 });
    }
    setDrawn(null);
    const view = `${tab}:${cases}`;
    map.once('idle', () => count(map, view));
    map.triggerRepaint();
  }, [map, data, tab, cases, count]);

  useGridLabels(map, tab === 'grids' ? data?.layers.grids : undefined);

  const sent = (name: LayerName) => data?.layers[name]?.features.length ?? 0;
  const houses = data?.layers.houses?.features.reduce((n, f) => n + f.properties.houses, 0) ?? 0;
  const nothing = data && TABS.every((n) => sent(n) === 0) && sent('cases') === 0;
  const indent = (a: MapArea) =>
    ({ county_committee: '', street_committee: '　', community_branch: '　　', grid: '　　　' })[a.kind] ?? '';

  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('maps.title')} />
        <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
          <Box minWidth="320px">
            <Typography variant="pi" fontWeight="bold" tag="label" htmlFor="maps-within">
              {t('maps.within')}
            </Typography>
            <SingleSelect
              id="maps-within"
              aria-label={t('maps.within')}
              value={within}
              onChange={(v: string | number) => setWithin(String(v))}
            >
              <SingleSelectOption value={ALL}>{t('maps.within.all')}</SingleSelectOption>
              {(areas.data ?? []).map((a) => (
                <SingleSelectOption key={a.documentId} value={a.documentId}>
                  {`${indent(a)}${a.name}`}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
          <Flex gap={2} role="tablist">
            {TABS.map((name) => (
              <Button
                key={name}
                role="tab"
                aria-selected={tab === name}
                variant={tab === name ? 'default' : 'tertiary'}
                onClick={() => setTab(name)}
              >
                {t(`maps.tab.${name}`)}
              </Button>
            ))}
          </Flex>
          <Flex gap={2} alignItems="center">
            <Switch aria-label={t('maps.cases')} checked={cases} onCheckedChange={(v: boolean) => setCases(v)} />
            <Typography>{t('maps.cases')}</Typography>
          </Flex>
        </Flex>
        {layers.error ? (
          <Typography textColor="danger600">{layers.error}</Typography>
        ) : nothing ? (
          <EmptyStateLayout content={t('maps.nothing')} />
        ) : null}
        <Box position="relative">
          <MapCanvas height={560} onReady={setMap} testId="maps-canvas" />
          {layers.loading || !map ? (
            <Box position="absolute" top={4} left={4}>
              <Loader small>{t('maps.loading')}</Loader>
            </Box>
          ) : null}
        </Box>
        <Flex gap={6} paddingTop={3} wrap="wrap" data-testid="maps-counts" data-ready={drawn ? drawn.view : 'no'}>
          {(['grids', 'branches', 'houses', 'cases'] as LayerName[]).map((name) => (
            <Typography key={name} variant="omega">
              {t(`maps.count.${name}`)} <span data-testid={`maps-drawn-${name}`}>{drawn ? drawn[name] : '…'}</span>
              {' / '}
              <span data-testid={`maps-sent-${name}`}>{sent(name)}</span>
            </Typography>
          ))}
          <Typography variant="omega" textColor="neutral600">
            {t('maps.count.housesTotal', { n: houses })}
          </Typography>
        </Flex>
        <Legend tab={tab} cases={cases} />
        <Typography variant="pi" textColor="neutral600">
          {t('maps.crs')}
        </Typography>
      </Box>
    </Main>
  );
};
