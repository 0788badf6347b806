// A client's shared check-in results, for the practitioner: the latest closeness-and-distance
// result in words, the attachment plane with every result joined in order and its table, and the
// eight signs first against latest. The check-in's own pictures, named as the client's. The
// scales come from the questionnaires (public), so the points sit where the client saw them.
import type { Checkin } from '../../api/checkins';
import { getQuestionnaire } from '../../api/checkins';
import { useLoad } from '../../components/use-load';
import { useSession } from '../account/session';
import { AttachmentPlane, formatScore } from '../checkin/attachment-plane';
import { attachmentId, signsId } from '../checkin/pair-results';
import { regionWords } from '../checkin/region-words';
import { ResultsTable } from '../checkin/results-table';
import { formatDate } from '../checkin/sign-words';
import { signsOverTime } from '../progress/progress-model';
import { SignsCompare } from '../progress/signs-compare';
import { LoadProblem, Loading } from './load-problem';

interface ClientCheckinsProps {
  /** Newest first, as the server lists them. */
  checkins: Checkin[];
  name: string;
  zone: string;
}

export function ClientCheckins({ checkins, name, zone }: ClientCheckinsProps) {
  const { client } = useSession();
  const [scales, retry] = useLoad(async (signal) => {
    const [attachment, signs] = await Promise.all([
      getQuestionnaire(attachmentId, client, { signal }),
      getQuestionnaire(signsId, client, { signal }),
    ]);
    return { attachment: attachment.scale, signs: signs.scale };
  }, [client]);

  if (checkins.length === 0) return <p>{name} shares check-in results, and has none yet.</p>;
  if (scales.status === 'loading') return <Loading what="the check-in scales" />;
  if (scales.status === 'error') return <LoadProblem error={scales.error} retry={retry} what="the check-in scales" />;

  // Reversed by position, not re-sorted by time: results saved within one second keep their order.
  const oldestFirst = [...checkins].reverse();
  const attachment = oldestFirst.filter((c) => c.questionnaire_id === attachmentId);
  const signs = signsOverTime(oldestFirst.filter((c) => c.questionnaire_id === signsId));
  const latest = attachment[attachment.length - 1];
  const region = latest?.region ? regionWords[latest.region] : undefined;
  return (
    <>
      {latest ? (
        <>
          <p>
            Latest, on {formatDate(latest.taken_at, zone)}: worry about closeness {formatScore(latest.scores.anxiety)}, keeping
            distance {formatScore(latest.scores.avoidance)}
            {region ? `, in the area called ${region.name} (${region.gist})` : ''}.{' '}
            {attachment.length > 1 ? `${attachment.length} results in all.` : 'Their first result.'}
          </p>
          <figure class="checkin-figure console-plane">
            <AttachmentPlane points={attachment} scale={scales.value.attachment} timeZone={zone} title={`${name}’s results on the attachment plane`} />
          </figure>
          <ResultsTable
            checkins={[...attachment].reverse()}
            currentId={latest.id}
            timeZone={zone}
            caption={`${name}’s results on closeness and distance, newest first`}
            linked={false}
          />
        </>
      ) : (
        <p>No results on closeness and distance yet.</p>
      )}
      {signs ? (
        <>
          <h4>The eight signs</h4>
          <SignsCompare compare={signs} scale={scales.value.signs} timeZone={zone} whose="their" />
        </>
      ) : null}
    </>
  );
}
