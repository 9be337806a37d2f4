import { useState } from 'react';
import { Box, Button, Modal, Typography } from '@strapi/design-system';

/** The server's refusal shown inside a modal, above its footer, so the user can correct the form. */
export const ModalError = ({ error }: { error: string | null }) =>
  error ? (
    <Box>
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
