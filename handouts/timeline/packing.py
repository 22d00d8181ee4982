"""Interval packing: the two small algorithms label placement is built from.

``Rows`` keeps occupied horizontal intervals per row; a label goes in the
lowest row where its box is free *and* its leader line, which drops through
every row below, crosses no other label. Tracks for markers and bars are the
same idea without leaders.
"""

from __future__ import annotations

from bisect import insort


class Rows:
    """Occupied [a, b] intervals per row; row 0 is nearest the markers."""

    def __init__(self, gap: float) -> None:
        self.gap = gap
        self.rows: list[list[tuple[float, float]]] = []

    def _free(self, row: int, a: float, b: float, gap: float) -> bool:
        if row >= len(self.rows):
            return True
        return all(b + gap <= x0 or a >= x1 + gap for x0, x1 in self.rows[row])

    def _add(self, row: int, a: float, b: float) -> None:
        while len(self.rows) <= row:
            self.rows.append([])
        insort(self.rows[row], (a, b))

    def place(self, a: float, b: float, leader: float | None, half: float = 0.4) -> int | None:
        """Put the box [a, b] in the lowest row where it fits; return the row.

        The leader at x=``leader`` occupies every row below the chosen one.
        None when a label below already blocks the leader (no row can work)."""
        row = 0
        while True:
            if leader is not None and row and not self._free(row - 1, leader - half, leader + half, 0.3):
                return None
            if self._free(row, a, b, self.gap):
                self._add(row, a, b)
                if leader is not None:
                    for r in range(row):
                        self._add(r, leader - half, leader + half)
                return row
            row += 1

    @property
    def count(self) -> int:
        return len(self.rows)


def pack_tracks(intervals: list[tuple[float, float]], gap: float) -> list[int]:
    """Greedy first-fit: the track of each interval (in the order given)."""
    ends: list[float] = []
    tracks = []
    for a, b in intervals:
        for track, end in enumerate(ends):
            if a >= end + gap:
                ends[track] = b
                tracks.append(track)
                break
        else:
            ends.append(b)
            tracks.append(len(ends) - 1)
    return tracks


def compress_numbers(numbers: list[int]) -> str:
    """[1, 2, 3, 5, 7, 8] -> "1–3, 5, 7–8"."""
    runs: list[list[int]] = []
    for n in sorted(numbers):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
