import { useState, type ComponentProps } from 'react';
import { Box, Button, Modal, Typography } from '@strapi/design-system';

/**
 * The server's refusal, in red and announced (`role="alert"`), where the user acted: inside a modal
 * above its footer, so the form can be corrected, or under a page's buttons (`paddingTop` sets it off
 * from them). Nothing when there is no error.
 */
export const ModalError = ({
  error,
  paddingTop,
}: {
  error: string | null;
  paddingTop?: ComponentProps<typeof Box>['paddingTop'];
}) =>
  error ? (
    <Box paddingTop={paddingTop}>
      <Typography role="alert" textColor="danger600">
        {error}
      </Typography>
    </Box>
  ) : null;

/**
 * A form modal's footer: cancel closes it, confirm runs `onConfirm`. While that runs confirm shows it is
 * busy and cannot be pressed again, so a slow network does not send the same move twice.
 */
export const ModalFooter = ({
  cancel,
  confirm,
  onConfirm,
  disabled,
}: {
  cancel: string;
  confirm: string;
  onConfirm: () => Promise<void>;
  disabled?: boolean;
}) => {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await onConfirm();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal.Footer>
      <Modal.Close>
        <Button variant="tertiary">{cancel}</Button>
      </Modal.Close>
      <Button onClick={run} disabled={disabled || busy} loading={busy}>
        {confirm}
      </Button>
    </Modal.Footer>
  );
};
