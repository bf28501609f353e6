// One slide in the list: its number, name and caption (saved when the field is left), and buttons
// to show it, replace its view, move it and delete it. Alt+↑/↓ anywhere inside it moves it too.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_CAPTION_LENGTH, MAX_NAME_LENGTH } from '../../core/slidesFile';
import {
  moveSlide,
  removeSlide,
  renameSlide,
  setSlideCaption,
  showSlide,
  updateSlideView,
} from '../../state/slides';
import type { StoredSlide } from '../../storage/types';

/** Moves a slide and keeps the keyboard focus on the control that moved it. */
async function move(id: string, step: -1 | 1, focused: Element | null) {
  await moveSlide(id, step);
  // A move button that became disabled (the slide reached an end) hands the focus to its twin.
  const target =
    focused instanceof HTMLButtonElement && focused.disabled
      ? focused.parentElement?.querySelector<HTMLElement>(
          '[data-testid="slide-up"]:enabled, [data-testid="slide-down"]:enabled',
        )
      : focused;
  if (target instanceof HTMLElement) requestAnimationFrame(() => target.focus());
}

export function SlideItem({ slide, index, count }: { slide: StoredSlide; index: number; count: number }) {
  const { t } = useTranslation();
  const [name, setName] = useState(slide.name);
  const [caption, setCaption] = useState(slide.caption);
  // An import may change a slide shown here.
  useEffect(() => setName(slide.name), [slide.name]);
  useEffect(() => setCaption(slide.caption), [slide.caption]);
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    void move(slide.id, e.key === 'ArrowUp' ? -1 : 1, document.activeElement);
  };
  const saveName = () => {
    const trimmed = name.trim();
    if (trimmed && trimmed !== slide.name) void renameSlide(slide.id, trimmed);
    else setName(slide.name);
  };
  const saveCaption = () => {
    if (caption !== slide.caption) void setSlideCaption(slide.id, caption);
  };
  const number = t('slides.number', { n: index + 1 });
  return (
    <li
      className="slide"
      onKeyDown={onKeyDown}
      data-testid="slide"
      data-slide-id={slide.id}
      aria-label={`${number}：${slide.name}`}
    >
      <div className="slide-head">
        <span className="slide-number" aria-hidden="true">
          {index + 1}
        </span>
        <input
          value={name}
          maxLength={MAX_NAME_LENGTH}
          onChange={(e) => setName(e.target.value)}
          onBlur={saveName}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
          }}
          aria-label={`${number} · ${t('slides.name')}`}
          data-testid="slide-name"
        />
      </div>
      <textarea
        value={caption}
        maxLength={MAX_CAPTION_LENGTH}
        rows={2}
        onChange={(e) => setCaption(e.target.value)}
        onBlur={saveCaption}
        placeholder={t('slides.caption')}
        aria-label={`${number} · ${t('slides.caption')}`}
        data-testid="slide-caption"
      />
      <div className="row small">
        <button onClick={() => void showSlide(slide)}>{t('slides.show')}</button>
        <button onClick={() => void updateSlideView(slide.id)}>{t('slides.updateView')}</button>
        <button
          onClick={(e) => void move(slide.id, -1, e.currentTarget)}
          disabled={index === 0}
          aria-label={`${t('slides.moveUp')}：${slide.name}`}
          title={t('slides.moveUp')}
          data-testid="slide-up"
        >
          ↑
        </button>
        <button
          onClick={(e) => void move(slide.id, 1, e.currentTarget)}
          disabled={index === count - 1}
          aria-label={`${t('slides.moveDown')}：${slide.name}`}
          title={t('slides.moveDown')}
          data-testid="slide-down"
        >
          ↓
        </button>
        <button
          onClick={() => {
            if (confirm(t('slides.confirmDelete', { name: slide.name }))) void removeSlide(slide.id);
          }}
        >
          {t('slides.delete')}
        </button>
      </div>
    </li>
  );
}
