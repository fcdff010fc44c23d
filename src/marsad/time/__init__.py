"""When: temporal expressions resolved against the publication date into calendar intervals."""

from marsad.time.resolve import TimeRules, TimeSettings, load_time_rules, resolve_times

__all__ = ["TimeRules", "TimeSettings", "load_time_rules", "resolve_times"]
