"""Events: who did what to whom, where, when, how many, how sure, and according to whom."""

from marsad.events.lexicon import EventLexicon, load_event_lexicon
from marsad.events.stage import EventSettings, extract_events

__all__ = ["EventLexicon", "EventSettings", "extract_events", "load_event_lexicon"]
