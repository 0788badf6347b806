// Course: "Heal Insecure Attachment". Not landed yet, so the page says so.
import { ComingSoon } from '../../components/coming-soon';
import { Page } from '../../components/page';

export function CoursePage() {
  return (
    <Page heading="Course" lede="Heal Insecure Attachment: a self-study course you can take at your own pace.">
      <ComingSoon icon="course" message="The course is being prepared. It will appear here soon.">
        It will be made of short lessons, each with a small practice or a question to reflect on,
        and you will be able to pick up where you left off.
      </ComingSoon>
    </Page>
  );
}
