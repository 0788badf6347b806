// Shares as the server sends them, for the sharing screens' unit tests.
import { nothingShared, type PractitionerShare, type Share } from '../../api/shares';

export const practitionerId = 'u_8f';

export function practitionerShare(share: Partial<Share> = {}, updatedAt: string | null = null): PractitionerShare {
  return {
    practitioner: { id: practitionerId, name: 'Dr Amara Lewis' },
    share: { ...nothingShared, ...share },
    updated_at: updatedAt,
  };
}
