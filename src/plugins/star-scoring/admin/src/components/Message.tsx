import { Alert, Box } from '@strapi/design-system';
import { useT } from '../pluginId';

/** A server refusal (400/409 message naming the field and rule) or a confirmation, closable. */
export const Message = ({ text, ok, onClose }: { text: string | null; ok?: boolean; onClose: () => void }) => {
  const t = useT();
  if (!text) return null;
  return (
    <Box paddingBottom={4}>
      <Alert
        variant={ok ? 'success' : 'danger'}
        title={ok ? t('common.done') : t('common.refused')}
        closeLabel={t('common.close')}
        onClose={onClose}
        data-testid="message"
      >
        {text}
      </Alert>
    </Box>
  );
};
