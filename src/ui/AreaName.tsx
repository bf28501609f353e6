// An area's name as the reader's language wants it: always the Chinese name (place names stay
// Chinese), marked as Chinese for screen readers in English mode and followed there by its pinyin.
import { useAtlas } from '../state/store';

export function AreaName({ adcode, name }: { adcode: string; name: string }) {
  const english = useAtlas((s) => s.locale === 'en');
  const pinyin = useAtlas((s) => (english ? s.areaPinyin.get(adcode) : undefined));
  if (!english) return <>{name}</>;
  return (
    <>
      <span lang="zh-CN">{name}</span>
      {pinyin && <span className="pinyin"> {pinyin}</span>}
    </>
  );
}
