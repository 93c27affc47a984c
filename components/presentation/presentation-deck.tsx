"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { ArrowRightIcon, XIcon } from "@/components/ui/icons";
import type { PlanItem } from "@/components/sharing/quarter-plan";
import type { P80Trend } from "@/components/dashboards/trend-note";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { buildSlides, type Slide } from "./slides";
import { ChangesSlide, MilestonesSlide, QuarterSlide, RisksSlide, TitleSlide } from "./slide-views";
import { TimelineSlide } from "./timeline-slide";
import { deckAction, useSlideIndex } from "./use-deck-keys";

export interface DeckProps {
  roadmapId: string;
  teamName: string;
  roadmap: { title: string; startDate: string; horizonMonths: number };
  workstreams: ReadonlyArray<{ id: string; name: string; position: number }>;
  items: readonly PlanItem[];
  dashboard: ExecutiveDashboard;
  /** The project finish's P80 since the last review, when forecasts were recorded. */
  finishTrend?: P80Trend | null;
}

/**
 * Full-screen slides over the app, in a modal <dialog> so that focus stays in the deck and the page
 * behind is inert. Arrows, Space and Page keys move; Home and End jump; F toggles full screen; Esc
 * goes back to the timeline.
 */
export function PresentationDeck({
  roadmapId,
  teamName,
  roadmap,
  workstreams,
  items,
  dashboard,
  finishTrend,
}: DeckProps) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const slideRef = useRef<HTMLElement>(null);
  const slides = buildSlides(roadmap, workstreams, items, dashboard);
  const { index, go } = useSlideIndex(slides.length);
  const [fullscreen, setFullscreen] = useState(false);
  const slide = slides[index];
  const timeline = `/roadmaps/${roadmapId}`;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The slide, not the first button, takes focus: Space then turns the page instead of pressing "Exit".
    slideRef.current?.focus();
    const onChange = () => setFullscreen(document.fullscreenElement !== null);
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, []);

  function toggleFullscreen() {
    if (document.fullscreenElement) void document.exitFullscreen();
    // Not every browser or frame allows it; the deck already fills the window.
    else dialogRef.current?.requestFullscreen().catch(() => undefined);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target as HTMLElement;
    // Space and Enter on a button press that button, as everywhere else.
    if ((event.key === " " || event.key === "Enter") && target.closest("button, a")) return;
    const action = deckAction(event.key);
    if (!action) return;
    event.preventDefault();
    if (action === "next") go(index + 1);
    else if (action === "previous") go(index - 1);
    else if (action === "first") go(0);
    else if (action === "last") go(slides.length - 1);
    else toggleFullscreen();
  }

  return (
    <dialog
      ref={dialogRef}
      aria-label={`Presentation: ${roadmap.title}`}
      aria-roledescription="slide deck"
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Esc: leave the deck for the timeline rather than leave a blank page behind.
        event.preventDefault();
        router.push(timeline);
      }}
      className="m-0 flex h-dvh max-h-none w-screen max-w-none flex-col bg-surface p-0 text-ink backdrop:bg-surface"
    >
      <section
        ref={slideRef}
        tabIndex={-1}
        aria-roledescription="slide"
        aria-label={`${index + 1} of ${slides.length}: ${slide.title}`}
        className="min-h-0 flex-1 focus-visible:outline-none"
      >
        <SlideBody slide={slide} {...{ teamName, roadmap, workstreams, items, dashboard, finishTrend }} />
      </section>
      <p aria-live="polite" className="sr-only">
        Slide {index + 1} of {slides.length}: {slide.title}
      </p>
      <footer className="flex items-center gap-3 border-t border-line bg-canvas px-4 py-2.5 sm:px-6">
        <Button
          variant="ghost"
          size="sm"
          onClick={() => router.push(timeline)}
          icon={<XIcon className="size-4" />}
        >
          Exit<span className="text-muted max-sm:hidden"> (Esc)</span>
        </Button>
        <Button variant="ghost" size="sm" onClick={toggleFullscreen} className="max-sm:hidden">
          {fullscreen ? "Leave full screen" : "Full screen"} <span className="text-muted">(F)</span>
        </Button>
        <div className="ml-auto flex items-center gap-2">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            aria-label="Previous slide"
          >
            <ArrowRightIcon className="size-4 rotate-180" />
          </Button>
          <p
            className="min-w-16 text-center text-sm font-medium text-ink-soft tabular-nums"
            data-testid="slide-counter"
          >
            {index + 1} / {slides.length}
          </p>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => go(index + 1)}
            disabled={index === slides.length - 1}
            aria-label="Next slide"
          >
            <ArrowRightIcon className="size-4" />
          </Button>
        </div>
      </footer>
    </dialog>
  );
}

function SlideBody({
  slide,
  teamName,
  roadmap,
  workstreams,
  items,
  dashboard,
  finishTrend,
}: Omit<DeckProps, "roadmapId"> & { slide: Slide }) {
  switch (slide.kind) {
    case "title":
      return (
        <TitleSlide
          roadmap={roadmap}
          teamName={teamName}
          finish={dashboard.projectFinish}
          trend={finishTrend}
        />
      );
    case "timeline":
      return (
        <TimelineSlide
          title={slide.title}
          roadmap={roadmap}
          workstreams={workstreams}
          items={items}
          keyMilestones={dashboard.keyMilestones}
        />
      );
    case "quarter":
      return <QuarterSlide title={slide.title} quarter={slide.quarter} />;
    case "milestones":
      return <MilestonesSlide title={slide.title} milestones={dashboard.keyMilestones} />;
    case "risks":
      return <RisksSlide title={slide.title} risks={dashboard.topRisks} />;
    case "changes":
      return <ChangesSlide title={slide.title} since={dashboard.sinceLastReview} />;
  }
}
