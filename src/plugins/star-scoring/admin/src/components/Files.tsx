import { Flex, Link } from '@strapi/design-system';
import { useT } from '../pluginId';

export type FileRef = { id: number | string; name: string; url: string; internal?: boolean };

/** Evidence files, when the payload carries them (they are optional: older rows have text only). */
export const Files = ({ files }: { files?: FileRef[] | null }) => {
  const t = useT();
  if (!files?.length) return null;
  return (
    <Flex gap={2} wrap="wrap">
      {files.map((f) => (
        <Link key={f.id} href={f.url} isExternal>
          {f.name}
          {f.internal ? `（${t('evidence.internal')}）` : ''}
        </Link>
      ))}
    </Flex>
  );
};
