import { Box, Flex, Main, Typography } from '@strapi/design-system';
import { PagePlaceholder, useData } from '@grassroots/kit/admin';
import { CaseActions } from '../components/CaseActions';
import { CaseLink } from '../components/CaseLink';
import { CaseTable } from '../components/CaseTable';
import { Nav } from '../components/Nav';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { IntakeItem } from '../types';

/** 受理台: reported cases, newest first, each with its possible duplicates; 受理, 退回, 合并. */
export const Intake = () => {
  const t = useT();
  const l = useLabels();
  const { data, error, reload } = useData<IntakeItem[]>(`/${PLUGIN_ID}/intake`);
  if (!data) return <PagePlaceholder error={error} />;
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('intake.title')} />
        <CaseTable
          rows={data}
          testId="intake"
          empty={t('intake.empty')}
          columns={[
            { label: l.field('category'), text: (r) => r.category?.name ?? '—' },
            { label: l.field('source'), text: (r) => l.source(r.source) },
            { label: l.field('grid'), text: (r) => r.grid?.name ?? '—' },
            { label: l.field('reportedAt'), text: (r) => l.when(r.reportedAt) },
            {
              label: t('intake.duplicates'),
              cell: (r) =>
                r.possibleDuplicates.length === 0 ? (
                  <Typography textColor="neutral500">{t('intake.noDuplicates')}</Typography>
                ) : (
                  <Flex direction="column" alignItems="flex-start" gap={1}>
                    {r.possibleDuplicates.map((d) => (
                      <Flex key={d.documentId} gap={1}>
                        <CaseLink documentId={d.documentId} title={d.title} />
                        <Typography variant="pi" textColor="neutral600">
                          {l.status(d.status)} · {t('intake.metres', { n: d.metres })}
                        </Typography>
                      </Flex>
                    ))}
                  </Flex>
                ),
            },
          ]}
          actions={(r) => (
            <CaseActions
              item={r}
              only={['accept', 'return', 'merge']}
              candidates={r.possibleDuplicates}
              onDone={reload}
            />
          )}
        />
      </Box>
    </Main>
  );
};
