// The slides panel's 团队幻灯片 (team mode, signed in): save the panel's slides to the team server
// as a titled deck, list the team's decks with owner and date, open one into the panel (replace or
// append, chosen here), and overwrite or delete a deck of one's own (an administrator: any deck).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSlides } from '../../state/slides';
import { useTeam } from '../../state/team';
import {
  applyOpenedDeck,
  cancelOpenedDeck,
  deleteTeamDeck,
  openTeamDeck,
  refreshTeamDecks,
  saveDeckToTeam,
  updateTeamDeck,
  useTeamViews,
} from '../../state/teamViews';
import type { TeamUser } from '../../team/session';
import { deckSize, type SharedView } from '../../team/views';
import './teamViews.css';

export function TeamSlides() {
  const user = useTeam((s) => (s.mode === 'team' ? s.user : null));
  return user ? <TeamDecks user={user} /> : null;
}

export const dateLabel = (iso: string, locale: string) =>
  new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

function TeamDecks({ user }: { user: TeamUser }) {
  const { t, i18n } = useTranslation();
  const slideCount = useSlides((s) => s.slides.length);
  const decks = useTeamViews((s) => s.decks);
  const loading = useTeamViews((s) => s.loading);
  const message = useTeamViews((s) => s.message);
  const opening = useTeamViews((s) => s.opening);
  const [title, setTitle] = useState('');
  useEffect(() => void refreshTeamDecks(), [user.id]);
  const defaultTitle = () =>
    t('teamViews.deckTitleDefault', {
      name: user.displayName,
      date: new Date().toLocaleDateString(i18n.language),
    });
  return (
    <section className="team-views" aria-labelledby="team-decks-title" data-testid="team-slides">
      <h4 id="team-decks-title">{t('teamViews.decksHeading')}</h4>
      <p className="muted small">{t('teamViews.decksIntro')}</p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void saveDeckToTeam(title.trim() || defaultTitle()).then((ok) => ok && setTitle(''));
        }}
      >
        <label className="visually-hidden" htmlFor="team-deck-title">
          {t('teamViews.deckTitle')}
        </label>
        <input
          id="team-deck-title"
          value={title}
          maxLength={200}
          placeholder={defaultTitle()}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="team-deck-title"
        />
        <button type="submit" disabled={slideCount === 0 || loading} data-testid="save-team-deck">
          {t('teamViews.saveDeck')}
        </button>
      </form>
      {opening && (
        <div
          className="team-views-choice"
          role="group"
          aria-label={t('teamViews.open')}
          data-testid="deck-choice"
        >
          <p>{t('teamViews.openChoice', { title: opening.view.title, count: opening.slides.length })}</p>
          <div className="row">
            <button onClick={() => void applyOpenedDeck('replace')} data-testid="deck-replace">
              {t('teamViews.replace')}
            </button>
            <button onClick={() => void applyOpenedDeck('append')} data-testid="deck-append">
              {t('teamViews.append')}
            </button>
            <button onClick={cancelOpenedDeck}>{t('teamViews.cancel')}</button>
          </div>
        </div>
      )}
      {decks.length === 0 ? (
        <p className="muted small">{t('teamViews.noDecks')}</p>
      ) : (
        <ul className="team-views-list" aria-label={t('teamViews.decksList')}>
          {decks.map((deck) => (
            <DeckItem key={deck.id} deck={deck} user={user} busy={loading} />
          ))}
        </ul>
      )}
      {message && (
        <p
          className={message.error ? 'error' : 'saved'}
          role={message.error ? 'alert' : 'status'}
          data-testid="team-slides-message"
        >
          {t(message.key, message.values)}
        </p>
      )}
    </section>
  );
}

function DeckItem({ deck, user, busy }: { deck: SharedView; user: TeamUser; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const slideCount = useSlides((s) => s.slides.length);
  const mayChange = deck.ownerId === user.id || user.role === 'admin';
  return (
    <li data-testid="team-deck" data-deck-id={deck.id}>
      <strong>{deck.title || deck.id}</strong>
      <span className="muted small">
        {t('teamViews.deckMeta', {
          owner: deck.owner,
          date: dateLabel(deck.updatedAt, i18n.language),
          count: deckSize(deck.body),
        })}
      </span>
      {confirming ? (
        <div
          className="row small"
          role="group"
          aria-label={t('teamViews.confirmDelete', { title: deck.title })}
        >
          <span>{t('teamViews.confirmDelete', { title: deck.title })}</span>
          <button
            onClick={() => void deleteTeamDeck(deck).then(() => setConfirming(false))}
            data-testid="confirm-delete-deck"
          >
            {t('teamViews.confirmYes')}
          </button>
          <button onClick={() => setConfirming(false)}>{t('teamViews.cancel')}</button>
        </div>
      ) : (
        <div className="row small">
          <button onClick={() => void openTeamDeck(deck.id)} disabled={busy} data-testid="open-team-deck">
            {t('teamViews.open')}
          </button>
          {mayChange && (
            <>
              <button
                onClick={() => void updateTeamDeck(deck)}
                disabled={busy || slideCount === 0}
                data-testid="update-team-deck"
              >
                {t('teamViews.updateDeck')}
              </button>
              <button onClick={() => setConfirming(true)} disabled={busy} data-testid="delete-team-deck">
                {t('teamViews.delete')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
