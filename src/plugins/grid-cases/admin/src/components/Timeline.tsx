import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, TableHead } from '@grassroots/kit/admin';
import { useLabels } from '../hooks/useLabels';
import type { HistoryStep } from '../types';

const EVENT = 'plugin::grid-cases.case-event';

/** 流转记录: every move of the case, oldest first, with who made it and why. */
export const Timeline = ({ steps }: { steps: HistoryStep[] }) => {
  const l = useLabels();
  if (!steps.length) return <EmptyBlock />;
  const f = (name: string) => l.fieldOf(EVENT, name);
  return (
    <Table colCount={5} rowCount={steps.length + 1}>
      <TableHead labels={[f('at'), f('action'), `${f('fromStatus')} → ${f('toStatus')}`, f('actorId'), f('reason')]} />
      <Tbody>
        {steps.map((s, i) => (
          <Tr key={`${s.at}-${i}`} data-testid="timeline-step">
            <Td>
              <Typography>{l.when(s.at)}</Typography>
            </Td>
            <Td>
              <Typography>{l.action(s.action)}</Typography>
            </Td>
            <Td>
              <Typography>
                {s.from && s.from !== s.to ? `${l.status(s.from)} → ${l.status(s.to)}` : l.status(s.to)}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {s.actorKind ? l.actorKind(s.actorKind) : ''}
                {s.actorId ? ` · ${s.actorId}` : ''}
              </Typography>
            </Td>
            <Td>
              <Typography>{s.reason ?? ''}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
