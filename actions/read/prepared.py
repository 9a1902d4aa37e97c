"""QuerySets compiled to SQL once per process, for the reads every action page makes.

Django compiles a QuerySet to SQL each time it is evaluated. For the page's reads that costs
far more than the database: a relation joined to the actions at both ends takes about 1 ms to
compile and build on this machine and 0.15 ms for SQLite to answer. An uncached action page
made five such reads, half its time.

`Prepared(build)` takes a function that makes a QuerySet from its parameters (an id, a kind
and a number), compiles it once per database alias and kind of parameter with stand-in values,
and afterwards runs the same SQL with the real values. Rows are built as the QuerySet would
build them: model instances with their `select_related` ends (Django's own populators), or the
tuples of `values_list`, each value through the database's converters. The QuerySet stays the
one definition of the read; only the compiling is kept. Only parameters that reach the SQL as
themselves may vary (an exact lookup, a one-element `__in`); the shape is fixed by `build`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections, router
from django.db.models import QuerySet
from django.db.models.query import ValuesListIterable, get_related_populators

# Stand-ins for the parameters while compiling: values no real read passes.
_INT_STANDIN = -7_340_000_000_000
_STR_STANDIN = "\x00prepared-standin-{}\x00"


@dataclass
class _Compiled:
    compiler: Any
    sql: str
    params: tuple
    slots: list[tuple[int, int]]  # (position in params, index of the argument)
    converters: dict
    values: bool  # a values_list QuerySet (tuples), else model instances


class Prepared:
    """A read compiled once per database and run again with other parameters."""

    def __init__(self, build: Callable[..., QuerySet]) -> None:
        self.build = build
        self._compiled: dict[tuple, _Compiled] = {}
        self._model = None
        self._lock = threading.Lock()

    def all(self, *args: Any) -> list:
        """The rows, as the QuerySet `build(*args)` would give them."""
        alias, compiled = self._for(args)
        params = list(compiled.params)
        for position, index in compiled.slots:
            params[position] = args[index]
        with connections[alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        compiler = compiled.compiler
        if compiled.converters:
            rows = list(compiler.apply_converters(rows, compiled.converters))
        if compiled.values:
            return [tuple(row) for row in rows]
        return _instances(compiler, rows, alias)

    def first(self, *args: Any):
        rows = self.all(*args)
        return rows[0] if rows else None

    def _for(self, args: tuple) -> tuple[str, _Compiled]:
        standins = tuple(
            _INT_STANDIN - i if isinstance(a, int) else _STR_STANDIN.format(i)
            for i, a in enumerate(args)
        )
        if self._model is None:
            self._model = self.build(*standins).model
        alias = router.db_for_read(self._model)
        key = (alias, tuple(type(a) for a in args))
        compiled = self._compiled.get(key)
        if compiled is None:
            with self._lock:
                compiled = self._compiled.get(key) or _compile(
                    self.build(*standins), alias, standins
                )
                self._compiled[key] = compiled
        return alias, compiled


def _compile(queryset: QuerySet, alias: str, standins: tuple) -> _Compiled:
    compiler = queryset.query.get_compiler(using=alias)
    sql, params = compiler.as_sql()
    slots = [(p, standins.index(v)) for p, v in enumerate(params) if v in standins]
    missing = set(range(len(standins))) - {index for _, index in slots}
    if missing:
        # A parameter transformed on its way to SQL ("%x%" of a contains): not preparable.
        raise ValueError(f"parameters {sorted(missing)} do not reach the SQL as themselves")
    fields = [selected[0] for selected in compiler.select[: compiler.col_count]]
    values = queryset._iterable_class is ValuesListIterable
    if not values and queryset._iterable_class.__name__ != "ModelIterable":
        raise ValueError("only model instances and values_list tuples are prepared")
    return _Compiled(compiler, sql, tuple(params), slots, compiler.get_converters(fields), values)


def _instances(compiler, rows: list, alias: str) -> list:
    """Model instances from rows, as Django's ModelIterable builds them."""
    select, klass_info = compiler.select, compiler.klass_info
    model = klass_info["model"]
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    names = [column[0].target.attname for column in select[start:end]]
    populators = get_related_populators(klass_info, select, alias)
    out = []
    for row in rows:
        instance = model.from_db(alias, names, row[start:end])
        for populator in populators:
            populator.populate(row, instance)
        out.append(instance)
    return out
