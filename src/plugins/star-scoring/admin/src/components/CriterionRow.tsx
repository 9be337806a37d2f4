import type { ChangeEvent } from 'react';
import { Badge, Checkbox, Field, Flex, NumberInput, Td, Textarea, Tr, Typography } from '@strapi/design-system';
import { useT } from '../pluginId';
import type { Criterion } from '../utils/totals';
import type { FileRef } from './Files';
import { EvidenceFiles } from './EvidenceFiles';
import { SuggestionView, type Suggestion } from './Suggestion';

export type Draft = { score?: number; evidence: string; internal: boolean };

/**
 * One criterion of the sheet: max points and veto mark, the self score, the score being edited (self in draft,
 * inspection team's in self_assessed), evidence text and internal flag, files, and the metric's suggestion.
 */
export const CriterionRow = ({
  assessment,
  c,
  self,
  reviewed,
  draft,
  editable,
  editEvidence,
  editFiles,
  suggestion,
  files,
  onChange,
  onFilesChanged,
  onError,
}: {
  assessment: string;
  c: Criterion;
  self: number | null;
  reviewed: number | null;
  draft: Draft;
  editable: boolean;
  editEvidence: boolean;
  editFiles: boolean;
  suggestion?: Suggestion;
  files?: FileRef[];
  onChange: (d: Draft) => void;
  onFilesChanged: () => void;
  onError: (m: string) => void;
}) => {
  const t = useT();
  const over = draft.score != null && draft.score > c.maxPoints;
  const negative = draft.score != null && draft.score < 0;
  const error = over ? t('form.overMax', { max: c.maxPoints }) : negative ? t('form.negative') : undefined;
  return (
    <Tr data-code={c.code}>
      <Td>
        <Typography fontWeight="bold">{c.code}</Typography>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start" gap={1}>
          <Flex gap={1}>
            {c.veto ? (
              <Badge backgroundColor="danger100" textColor="danger700">
                {t('form.veto')}
              </Badge>
            ) : null}
            <Typography>{c.title}</Typography>
          </Flex>
          <Typography variant="pi" textColor="neutral600">
            {c.department}
            {c.evidenceRequired ? ` · ${t('form.evidenceRequired')}` : ''}
          </Typography>
        </Flex>
      </Td>
      <Td>
        <Typography>{c.maxPoints}</Typography>
      </Td>
      <Td>
        <Typography>{self ?? '—'}</Typography>
      </Td>
      <Td>
        {editable ? (
          <Field.Root name={`score-${c.code}`} error={error}>
            <NumberInput
              name={`score-${c.code}`}
              aria-label={`${c.code} ${t('form.score')}`}
              value={draft.score}
              onValueChange={(v) => onChange({ ...draft, score: v })}
            />
            <Field.Error />
          </Field.Root>
        ) : (
          <Typography>{reviewed ?? '—'}</Typography>
        )}
      </Td>
      <Td>
        {editEvidence ? (
          <Flex direction="column" alignItems="flex-start" gap={1}>
            <Textarea
              name={`evidence-${c.code}`}
              aria-label={`${c.code} ${t('form.evidence')}`}
              value={draft.evidence}
              onChange={(e: ChangeEvent<HTMLTextAreaElement>) => onChange({ ...draft, evidence: e.target.value })}
            />
            <Checkbox
              checked={draft.internal}
              onCheckedChange={(v: boolean | 'indeterminate') => onChange({ ...draft, internal: v === true })}
            >
              {t('evidence.internal')}
            </Checkbox>
          </Flex>
        ) : (
          <Typography>
            {draft.evidence}
            {draft.internal ? `（${t('evidence.internal')}）` : ''}
          </Typography>
        )}
        <EvidenceFiles
          assessment={assessment}
          criterion={c.code}
          files={files}
          editable={editFiles}
          onChanged={onFilesChanged}
          onError={onError}
        />
      </Td>
      <Td>
        <SuggestionView s={suggestion} onUse={editable ? (score) => onChange({ ...draft, score }) : undefined} />
      </Td>
    </Tr>
  );
};
