"""Related actions as sparse-matrix products: one row per action, one column per weighed
feature (a term, a statute, an agency, a subject, an order named), so that every pair's score
is one entry of X·Xᵀ. Pure: numpy and scipy, no database.

The score of two actions is the weighted sum, family by family, of the products of their
feature weights (each family's vector L2-normalised); a column's values are scaled by the
square root of its family's weight so that the plain dot product gives exactly that sum. A
feature in more profiles than `max_shared` says little about any two of them and is left out.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy import sparse

# Rows multiplied at once: a dense block of CHUNK x actions scores (8 bytes each) is kept small.
CHUNK = 512
# Scaling by square roots and multiplying back rounds: 0.05 may come out as 0.049999999999999996.
# A score is compared with the minimum, and with others, to this tolerance.
EPSILON = 1e-9

Vectors = Mapping[str, Mapping[str, float]]  # family -> feature -> weight


@dataclass
class FeatureMatrix:
    """Profiles as a CSR matrix: `ids[i]` is the action of row i; column j is the feature
    `features[j]` of the family `families[family_of[j]]`. Values are unscaled weights; the
    family weights apply when scoring. The columns are kept as arrays, not as (family,
    feature) pairs: a quarter of a million of them, read and written on every new document."""

    ids: np.ndarray  # int64, one per row
    families: list[str]
    family_of: np.ndarray  # uint8, one per column: its family's place in `families`
    features: list[str]  # one per column
    matrix: sparse.csr_matrix

    @classmethod
    def build(cls, profiles: Iterable[tuple[int, Vectors]]) -> FeatureMatrix:
        empty = cls(np.zeros(0, dtype=np.int64), [], np.zeros(0, dtype=np.uint8), [],
                    sparse.csr_matrix((0, 0)))  # fmt: skip
        empty.replace(dict(profiles))
        return empty

    @property
    def width(self) -> int:
        return len(self.features)

    def vectors(self, row: int) -> dict[str, dict[str, float]]:
        """One row back as family -> feature -> weight (for the reason shown with a link)."""
        out: dict[str, dict[str, float]] = {}
        start, end = self.matrix.indptr[row], self.matrix.indptr[row + 1]
        for col, value in zip(
            self.matrix.indices[start:end].tolist(), self.matrix.data[start:end].tolist(),
            strict=True,
        ):  # fmt: skip
            family = self.families[self.family_of[col]]
            out.setdefault(family, {})[self.features[col]] = float(value)
        return out

    def replace(self, profiles: Mapping[int, Vectors], keep: set[int] | None = None) -> None:
        """Put these actions' new profiles in (added or replacing their rows) and drop the rows
        of actions not in `keep` (deleted since), new columns appended."""
        kept = [
            row
            for row, action_id in enumerate(self.ids.tolist())
            if action_id not in profiles and (keep is None or action_id in keep)
        ]
        old = self.matrix[kept]
        code = {family: i for i, family in enumerate(self.families)}
        index = self._index({family for vectors in profiles.values() for family in vectors})
        new_family_of: list[int] = []
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for row, vectors in enumerate(profiles.values()):
            for family, vector in vectors.items():
                if family not in code:
                    code[family] = len(self.families)
                    self.families.append(family)
                columns = index.setdefault(family, {})
                for feature, value in vector.items():
                    j = columns.get(feature)
                    if j is None:
                        j = columns[feature] = self.width
                        self.features.append(feature)
                        new_family_of.append(code[family])
                    cols.append(j)
                    rows.append(row)
                    vals.append(value)
        self.family_of = np.concatenate(
            [self.family_of, np.asarray(new_family_of, dtype=np.uint8)]
        ).astype(np.uint8)
        width = self.width
        old.resize((old.shape[0], width))
        new = sparse.csr_matrix((vals, (rows, cols)), shape=(len(profiles), width))
        self.matrix = sparse.vstack([old, new], format="csr")
        self.ids = np.concatenate(
            [self.ids[kept], np.asarray(list(profiles), dtype=np.int64)]
        ).astype(np.int64)

    def _index(self, families: set[str]) -> dict[str, dict[str, int]]:
        """feature -> column, for the columns of these families."""
        out = {}
        for code, family in enumerate(self.families):
            if family in families:
                columns = np.flatnonzero(self.family_of == code).tolist()
                out[family] = dict(
                    zip(map(self.features.__getitem__, columns), columns, strict=True)
                )
        return out

    # Stored as one blob in numpy's own format (no pickle). Not compressed: zlib cost 0.4 s
    # of a new document's 3; strings are kept as one separator-joined text, which decodes
    # a hundred times faster than JSON lists.
    def to_bytes(self) -> bytes:
        # Families in name order, as the store has always written them.
        names = sorted(self.families)
        recode = np.asarray([names.index(f) for f in self.families] or [0], dtype=np.uint8)
        return _pack(
            ids=self.ids,
            data=self.matrix.data,
            indices=self.matrix.indices,
            indptr=self.matrix.indptr,
            shape=np.asarray(self.matrix.shape, dtype=np.int64),
            families=_text(names),
            family_of=recode[self.family_of] if self.width else self.family_of,
            features=_text(self.features),
        )

    @classmethod
    def from_bytes(cls, blob: bytes) -> FeatureMatrix:
        with np.load(io.BytesIO(blob), allow_pickle=False) as parts:
            matrix = sparse.csr_matrix(
                (parts["data"], parts["indices"], parts["indptr"]), shape=tuple(parts["shape"])
            )
            return cls(
                parts["ids"].astype(np.int64),
                _untext(parts["families"]),
                parts["family_of"].astype(np.uint8),
                _untext(parts["features"]),
                matrix,
            )


# Counts by family and key (document frequencies), in the same format.
def counts_to_bytes(counts: Mapping[str, Mapping[str, int]], total: int) -> bytes:
    arrays = {"total": np.asarray([total], dtype=np.int64)}
    for family, values in counts.items():
        arrays[f"keys_{family}"] = _text(list(values))
        arrays[f"counts_{family}"] = np.fromiter(values.values(), dtype=np.int64, count=len(values))
    return _pack(**arrays)


def counts_from_bytes(blob: bytes) -> tuple[dict[str, dict[str, int]], int]:
    with np.load(io.BytesIO(blob), allow_pickle=False) as parts:
        out = {}
        for name in parts.files:
            if name.startswith("keys_"):
                family = name[len("keys_") :]
                keys = _untext(parts[name])
                out[family] = dict(zip(keys, parts[f"counts_{family}"].tolist(), strict=True))
        return out, int(parts["total"][0])


_SEPARATOR = "\x1f"  # the unit separator: never in a term, a statute key or a name


def _text(values: list[str]) -> np.ndarray:
    return np.frombuffer(_SEPARATOR.join(values).encode(), dtype=np.uint8)


def _untext(array: np.ndarray) -> list[str]:
    text = array.tobytes().decode()
    return text.split(_SEPARATOR) if text else []


def _pack(**arrays: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return buffer.getvalue()


def scoring_matrix(
    features: FeatureMatrix, weights: Mapping[str, float], max_shared: int
) -> sparse.csr_matrix:
    """The matrix whose row products are the scores: common columns dropped, each column
    scaled by the square root of its family's weight."""
    postings = np.bincount(features.matrix.indices, minlength=features.width)
    by_family = np.asarray([math.sqrt(weights[f]) for f in features.families] or [0.0])
    scale = by_family[features.family_of] if features.width else np.zeros(0)
    scale[postings > max_shared] = 0.0
    scaled = features.matrix @ sparse.diags(scale)
    scaled.eliminate_zeros()
    return scaled.tocsr()


def best_matches(
    scaled: sparse.csr_matrix,
    rows: Iterable[int] | None = None,
    *,
    per_row: int,
    minimum: float,
) -> dict[int, list[tuple[int, float]]]:
    """For each row asked (all by default): its best `per_row` other rows as (row, score),
    best first, ties by row; only scores of at least `minimum`."""
    rows = np.arange(scaled.shape[0]) if rows is None else np.asarray(list(rows), dtype=np.int64)
    transposed = scaled.T.tocsc()
    out: dict[int, list[tuple[int, float]]] = {}
    for start in range(0, len(rows), CHUNK):
        block_rows = rows[start : start + CHUNK]
        scores = (scaled[block_rows] @ transposed).toarray()
        scores[np.arange(len(block_rows)), block_rows] = 0.0  # never oneself
        for position, row in enumerate(block_rows.tolist()):
            line = scores[position]
            candidates = np.flatnonzero(line >= minimum - EPSILON)
            if len(candidates) > per_row:
                # The per_row best, and every row tied with the last of them, then cut in order.
                cut = np.partition(line[candidates], -per_row)[-per_row]
                candidates = candidates[line[candidates] >= cut - EPSILON]
            ranked = sorted(candidates.tolist(), key=lambda other: (-round(line[other], 9), other))
            out[row] = [(other, float(line[other])) for other in ranked[:per_row]]
    return out


def scores_against(scaled: sparse.csr_matrix, rows: Iterable[int]) -> np.ndarray:
    """Every row's score with each of these rows: a dense (len(rows), n) array."""
    rows = np.asarray(list(rows), dtype=np.int64)
    return (scaled[rows] @ scaled.T).toarray()
