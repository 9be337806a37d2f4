import { Typography } from '@strapi/design-system';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { CaseActions } from './CaseActions';
import { CaseSection } from './CaseTable';
import type { CaseItem } from '../types';

/**
 * 督办台's last two sections: the cases the owner has handled, waiting for 核查 (confirm or send
 * back with a reason), and the rated ones waiting for 归档 — without them staff reach these only by id.
 */
export const AwaitingStaff = ({
  toVerify,
  toArchive,
  onDone,
}: {
  toVerify: CaseItem[];
  toArchive: CaseItem[];
  onDone: () => void | Promise<void>;
}) => {
  const t = useT();
  const l = useLabels();
  const owner = { label: l.field('ownerName'), text: (r: CaseItem) => l.owner(r.owner) };
  return (
    <>
      <CaseSection
        title={t('supervision.toVerify')}
        empty={t('supervision.toVerifyEmpty')}
        rows={toVerify}
        testId="to-verify"
        columns={[
          owner,
          { label: l.field('result'), text: (r) => r.result ?? '—' },
          { label: l.field('handledAt'), text: (r) => l.when(r.handledAt) },
          {
            label: l.field('dueAt'),
            // Late handling stays visible to whoever verifies it.
            cell: (r) => (
              <Typography textColor={r.handledOnTime === false ? 'danger600' : undefined}>{l.when(r.dueAt)}</Typography>
            ),
          },
        ]}
        actions={(r) => <CaseActions item={r} only={['verify', 'sendBack']} onDone={onDone} />}
      />
      <CaseSection
        title={t('supervision.toArchive')}
        empty={t('supervision.toArchiveEmpty')}
        rows={toArchive}
        testId="to-archive"
        columns={[
          owner,
          { label: l.field('satisfaction'), text: (r) => (r.satisfaction ? l.satisfaction(r.satisfaction) : '—') },
          { label: l.field('ratedAt'), text: (r) => l.when(r.ratedAt) },
        ]}
        actions={(r) => <CaseActions item={r} only={['archive']} onDone={onDone} />}
      />
    </>
  );
};
