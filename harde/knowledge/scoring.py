"""BM25 matrices built from term counts in a few vectorised passes, and summed per query.

`bm25_from_counts` computes exactly what `bm25s.BM25(method="lucene").index(...)` computes (the
same float64 arithmetic rounded to float32, per term and passage), but from flat arrays of
(row, term, count) instead of Python lists of tokens: at 200,000 passages bm25s's own loops
over every token take minutes and gigabytes, these passes take seconds. The result is a real
`bm25s.BM25`, saved and loaded (memory-mapped) by bm25s itself.
"""

from __future__ import annotations

import math

import bm25s
import numpy as np
import scipy.sparse as sp

K1 = 1.2
B = 0.75


def bm25_from_counts(
    rows: np.ndarray,
    terms: np.ndarray,
    counts: np.ndarray,
    n_rows: int,
    vocab: dict[str, int],
    k1: float = K1,
    b: float = B,
) -> bm25s.BM25:
    """A lucene-variant BM25 over `n_rows` texts, from how often term id `terms[i]` occurs in
    row `rows[i]` (each (row, term) pair once; `sum_pairs` merges repeats). `vocab` maps term
    text to term id; terms no row contains are left out of the returned vocabulary, as bm25s
    would never have seen them."""
    n_terms = max(vocab.values(), default=-1) + 1
    rows = np.asarray(rows, dtype=np.int64)
    terms = np.asarray(terms, dtype=np.int64)
    tf = np.asarray(counts, dtype=np.float64)
    lengths = np.bincount(rows, weights=tf, minlength=n_rows)
    # bm25s: np.array([len(doc) for doc in corpus]).mean(), over integer lengths.
    avg_len = np.rint(lengths).astype(np.int64).mean() if n_rows else 0.0
    df = np.bincount(terms, minlength=n_terms)
    idf = np.zeros(n_terms, dtype=np.float32)
    for term_id in np.flatnonzero(df):
        # math.log, as bm25s does, so every idf rounds to the same float32.
        idf[term_id] = math.log(1 + (n_rows - int(df[term_id]) + 0.5) / (int(df[term_id]) + 0.5))
    tfc = tf / (k1 * ((1 - b) + b * lengths[rows] / avg_len) + tf)
    scores = (idf[terms].astype(np.float64) * tfc).astype(np.float32)
    matrix = sp.csc_matrix(
        (scores, (rows.astype(np.int32), terms.astype(np.int32))), shape=(n_rows, n_terms), dtype=np.float32
    )
    retriever = bm25s.BM25(k1=k1, b=b, method="lucene")
    retriever.scores = {"data": matrix.data, "indices": matrix.indices, "indptr": matrix.indptr, "num_docs": n_rows}
    retriever.vocab_dict = {term: i for term, i in vocab.items() if i < n_terms and df[i] > 0}
    retriever.unique_token_ids_set = set(retriever.vocab_dict.values())
    retriever.nonoccurrence_array = None
    return retriever


def sum_pairs(
    rows: np.ndarray, terms: np.ndarray, counts: np.ndarray, n_rows: int, n_terms: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, term, count) triples with the counts of repeated (row, term) pairs added up: a
    document's counts from its passages'."""
    summed = sp.coo_matrix((np.asarray(counts, dtype=np.float64), (rows, terms)), shape=(n_rows, n_terms)).tocsr()
    summed.sum_duplicates()
    coo = summed.tocoo()
    return coo.row.astype(np.int64), coo.col.astype(np.int64), coo.data


def column_matrix(retriever: bm25s.BM25) -> sp.csc_matrix:
    """The retriever's scores as a scipy CSC matrix over the same (possibly memory-mapped) arrays."""
    data, indices, indptr = (retriever.scores[key] for key in ("data", "indices", "indptr"))
    return sp.csc_matrix((data, indices, indptr), shape=(retriever.scores["num_docs"], len(indptr) - 1), copy=False)


def weighted_scores(matrix: sp.csc_matrix, term_ids: list[int], weights: list[float]) -> np.ndarray:
    """sum of weight * (the term's BM25 score in every row), in float32: equal, bit for bit, to
    adding `np.float32(weight) * retriever.get_scores([term])` term by term in this order (one
    product and one float32 addition per row and term, in column order), in one pass in C over
    only the rows that contain the terms."""
    if not term_ids:
        return np.zeros(matrix.shape[0], dtype=np.float32)
    columns = matrix[:, np.asarray(term_ids, dtype=np.int64)]
    return np.asarray(columns @ np.asarray(weights, dtype=np.float32), dtype=np.float32)


def top_rows(scores: np.ndarray, want: int, block: int = 256) -> np.ndarray:
    """The rows of the `want` highest positive scores, best first; equal scores by row.

    Block maxima first: the want-th largest block maximum T is at most the want-th largest
    score, so every row of the answer scores at least T and lies in a block whose maximum
    does. Only those blocks are looked at closely: a few thousand rows instead of all. When
    `want` is too large for blocks to narrow much (the bench's top 50 at 200k passages), the
    positive rows are cut to those at least the want-th largest by a partition, not sorted."""
    n = len(scores)
    whole = n - n % block
    if want <= 0 or whole < block * want * 4:
        candidates = np.flatnonzero(scores > 0)
    else:
        maxima = scores[:whole].reshape(-1, block).max(axis=1)
        if n > whole:
            maxima = np.append(maxima, scores[whole:].max())
        threshold = max(float(np.partition(maxima, len(maxima) - want)[len(maxima) - want]), 0.0)
        blocks = np.flatnonzero(maxima >= threshold) if threshold > 0 else np.flatnonzero(maxima > 0)
        rows = (blocks[:, None] * block + np.arange(block)).ravel()
        rows = rows[rows < n]
        values = scores[rows]
        candidates = rows[(values >= threshold) & (values > 0)]
    candidates = _at_least_the_wanth(scores, candidates, want)
    order = np.lexsort((candidates, -scores[candidates]))[:want]
    return candidates[order]


def _at_least_the_wanth(scores: np.ndarray, candidates: np.ndarray, want: int) -> np.ndarray:
    """The candidates scoring at least the want-th largest of them, ties included: the same
    top `want` in (score, row) order, from far fewer rows to sort."""
    if want <= 0 or len(candidates) <= want * 4:
        return candidates
    values = scores[candidates]
    kth = values[np.argpartition(values, len(values) - want)[len(values) - want]]
    return candidates[values >= kth]


def rows_with_term(retriever: bm25s.BM25, term_id: int) -> np.ndarray:
    """The rows (passages) that contain a term."""
    indices, indptr = retriever.scores["indices"], retriever.scores["indptr"]
    return np.asarray(indices[int(indptr[term_id]) : int(indptr[term_id + 1])])
