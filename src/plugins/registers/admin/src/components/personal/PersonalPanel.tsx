import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { fieldLabel, type Locale } from '@grassroots/kit/shared';
import { PERSONAL_BY_REGISTER, personalRegisterOf } from '../../../../shared';
import { useCan } from '../../hooks/useCan';
import { useT } from '../../hooks/useT';
import { RevealModal } from '../sheet/RevealModal';

/** What the Content Manager hands a side panel of the edit view (see its `addEditViewSidePanel`). */
export interface EditViewPanelProps {
  model: string;
  documentId?: string;
  document?: Record<string, unknown>;
}

/**
 * 个人信息 in the edit view of a resident, rental, shop or firm: each personal value as the form shows it
 * (masked), with 查看 for staff who hold the reveal action — the same reveal, reason and log as the 一表
 * page. The form itself never holds the stored value, so saving cannot leak or overwrite it.
 */
export const PersonalPanel = ({ model, documentId, document }: EditViewPanelProps) => {
  const t = useT();
  const can = useCan();
  const { locale } = useIntl();
  const register = personalRegisterOf(model);
  if (!register || !documentId || !document) return null;
  const lang: Locale = locale === 'en' ? 'en' : 'zh-Hans';
  return {
    title: t('registers.personal.panel'),
    content: (
      <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="personal-panel">
        {Object.keys(PERSONAL_BY_REGISTER[register]).map((field) => {
          const masked = typeof document[field] === 'string' ? (document[field] as string) : '';
          return (
            <Flex key={field} direction="column" alignItems="flex-start" gap={1} data-personal-field={field}>
              <Typography variant="sigma" textColor="neutral600">
                {fieldLabel(model, field, lang)}
              </Typography>
              {!masked ? (
                <Typography textColor="neutral500">{t('registers.personal.empty')}</Typography>
              ) : can.reveal ? (
                <RevealModal type={register} documentId={documentId} field={field} masked={masked} />
              ) : (
                <Typography>{masked}</Typography>
              )}
            </Flex>
          );
        })}
        <Typography variant="pi" textColor="neutral500">
          {t(can.reveal ? 'registers.personal.hint' : 'registers.personal.noReveal')}
        </Typography>
      </Flex>
    ),
  };
};
