import { useState } from 'react';
import { useErrorMessage } from './errorMessage';

/**
 * A form modal's state: whether it is open, and the server's refusal of its last try. `submit` runs the
 * move; on success it closes the modal, clears the refusal and then runs `after` (a reload, a reset), on
 * failure it keeps the modal open with the refusal in the admin's language, so the user can correct it.
 */
export function useModalForm() {
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (move: () => Promise<unknown>, after?: () => unknown) => {
    try {
      await move();
      setOpen(false);
      setError(null);
      await after?.();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return { open, setOpen, error, submit };
}
