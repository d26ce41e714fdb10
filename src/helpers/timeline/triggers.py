"""Triggers of the timex rules: what the first token of a rule's match must be, read from the
rule's own code (:func:`derive`), for the index in ``helpers.timeline.grammar``."""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from dataclasses import dataclass, field

from ..records import Token
from .words import low as _low

#: Helpers already read: (whether they take one token, their trigger).
_HELPERS: dict = {}

@dataclass(frozen=True)
class Trigger:
    """What the first token of a match must be: one of ``words`` (lower-cased), or a token
    whose ``lower`` or ``text`` a pattern finds (``(pattern, method, attribute)``)."""

    words: frozenset[str] = frozenset()
    patterns: tuple[tuple[re.Pattern, str, str], ...] = field(default=())

    def __or__(self, other: Trigger) -> Trigger:
        return Trigger(self.words | other.words, tuple(dict.fromkeys(self.patterns + other.patterns)))

    def fires(self, tok: Token) -> bool:
        return tok.lower in self.words or any(
            getattr(p, method)(getattr(tok, attr)) is not None for p, method, attr in self.patterns)


NOTHING = Trigger()


def _union(*parts: Trigger | None) -> Trigger | None:
    """Where any of several paths may match: every path's trigger, or None if one has none."""
    if any(p is None for p in parts):
        return None
    out = NOTHING
    for p in parts:
        out = out | p
    return out


def _narrowest(*parts: Trigger | None) -> Trigger | None:
    """Of several conditions that must all hold, the one that lets fewest tokens through
    (any one of them is enough to skip a token)."""
    known = [p for p in parts if p is not None]
    if not known:
        return None
    return min(known, key=lambda t: (len(t.patterns), len(t.words)))


_TREES: dict = {}


def _function_node(func) -> ast.AST:
    """The syntax tree of ``func``: found in its module's tree (each module parsed once), or
    from its own source."""
    code = getattr(func, "__code__", None)
    path = inspect.getsourcefile(func) if code is not None else None
    if path:
        if path not in _TREES:
            with open(path, encoding="utf-8") as fh:
                tree = ast.parse(fh.read(), path)
            _TREES[path] = {(node.name, min([node.lineno, *(d.lineno for d in node.decorator_list)])): node
                            for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
        if (node := _TREES[path].get((func.__name__, code.co_firstlineno))) is not None:
            return node
    return ast.parse(textwrap.dedent(inspect.getsource(func))).body[0]


class _Derive:
    """The trigger of one function of ``(toks, i)`` (a rule, or a helper a rule calls) or of
    one token (``(tok)``): a condition on the first token that holds whenever the function
    returns something other than None, read from the function's code.

    The reading follows the statements in order: an ``if`` that returns None unless the
    token is in a list, a set or a dict's keys (``if toks[i].lower not in vocab.X: return
    None``), equal to a word, or found by a pattern; a branch that returns only when such a
    test holds; a value looked up in a dict by the token, a pattern's match of it, or a
    helper's result (derived the same way) tested for None; a loop over a dict's entry for
    the token. Anything else (another loop, a call it cannot follow, a position or token list
    that is reassigned) gives None for that path, and the rule is tried at every token."""

    def __init__(self, func, stack=()):
        self.func, self.stack = func, (*stack, func)
        self.glob = getattr(func, "__globals__", {})
        self.fn = _function_node(func)
        args = [a.arg for a in self.fn.args.args]
        self.toks, self.i = (args[0], args[1]) if len(args) >= 2 else (None, None)
        self.tok = args[0] if len(args) == 1 else None
        self.fixed = {self.toks, self.i, self.tok} - {None}
        self.consts: dict = {}  # a loop's variable, for one of the values it takes
        self.locals = {a for a in args} | {n.id for n in ast.walk(self.fn) if isinstance(n, ast.Name)
                                          and isinstance(n.ctx, ast.Store)}

    def trigger(self) -> Trigger | None:
        if not isinstance(self.fn, ast.FunctionDef) or self.fn.args.vararg or self.fn.args.kwarg or not self.fixed:
            return None
        return self._seq(self.fn.body, {})

    # ---- values

    def _const(self, node):
        """The value of a literal or of module-level data (``vocab.MONTHS``); raises
        ValueError for anything else."""
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            return [self._const(e) for e in node.elts]
        if isinstance(node, ast.Dict) and None not in node.keys:
            return {self._const(k): self._const(v) for k, v in zip(node.keys, node.values)}
        if isinstance(node, ast.Name) and node.id in self.consts:
            return self.consts[node.id]
        if isinstance(node, ast.Name) and node.id in self.glob and node.id not in self.locals:
            return self.glob[node.id]
        if isinstance(node, ast.Attribute):
            try:
                return getattr(self._const(node.value), node.attr)
            except AttributeError:
                raise ValueError("no such attribute") from None
        raise ValueError("not a constant")

    def _words(self, node) -> frozenset[str] | None:
        try:
            value = self._const(node)
        except (ValueError, TypeError):
            return None
        if isinstance(value, str) or not isinstance(value, (dict, set, frozenset, tuple, list)):
            return None
        if not all(isinstance(v, str) for v in value):
            return None
        return frozenset(v.lower() for v in value)

    def _is_tok(self, node) -> bool:
        if isinstance(node, ast.Name) and node.id == self.tok:
            return True
        return (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == self.toks
                and isinstance(node.slice, ast.Name) and node.slice.id == self.i)

    def _at_i(self, args) -> bool:
        """``(toks, i)``: the arguments of a helper called at the rule's own position."""
        return (len(args) == 2 and isinstance(args[0], ast.Name) and args[0].id == self.toks
                and isinstance(args[1], ast.Name) and args[1].id == self.i)

    def _term(self, node, env) -> str | None:
        """``lower`` or ``text`` when ``node`` is that string of the first token (or an alias)."""
        if isinstance(node, ast.Attribute) and node.attr in ("lower", "text") and self._is_tok(node.value):
            return node.attr
        if isinstance(node, ast.Name) and (env.get(node.id) or (None,))[0] == "term":
            return env[node.id][1]
        if isinstance(node, ast.Call) and not node.keywords and self._at_i(node.args) and self._helper(node.func) is _low:
            return "lower"
        return None

    def _helper(self, node):
        try:
            value = self._const(node)
        except (ValueError, TypeError):
            return None
        return value if inspect.isfunction(value) else None

    def _classify(self, node, env):
        """What a value bound to a name tells of the first token, if anything."""
        if (attr := self._term(node, env)) is not None:
            return ("term", attr)
        t = self._value(node, env, none_only=True)
        return ("value", t) if t is not None else None

    def _value(self, node, env, *, none_only: bool = False) -> Trigger | None:
        """A trigger for ``node``'s value to be truthy (with ``none_only``: not None)."""
        if isinstance(node, ast.NamedExpr):
            env[node.target.id] = self._classify(node.value, env)
            return self._value(node.value, env, none_only=none_only)
        if isinstance(node, ast.Name):
            kind = env.get(node.id)
            return kind[1] if kind and kind[0] == "value" else None
        if isinstance(node, ast.IfExp) and isinstance(node.orelse, ast.Constant) and node.orelse.value is None:
            return _narrowest(self._holds(node.test, env), self._value(node.body, env, none_only=none_only))
        if not isinstance(node, ast.Call) or node.keywords:
            return None
        f, args = node.func, node.args
        if isinstance(f, ast.Attribute) and f.attr == "get" and args and self._term(args[0], env):
            if len(args) > 2 or len(args) == 2 and not (isinstance(args[1], ast.Constant) and args[1].value is None) \
                    and (none_only or not self._falsy(args[1])):
                return None
            try:
                table = self._const(f.value)
            except (ValueError, TypeError):
                return None
            if not isinstance(table, dict) or not all(isinstance(k, str) for k in table):
                return None
            return Trigger(frozenset(k.lower() for k in table))
        if isinstance(f, ast.Attribute) and f.attr in ("fullmatch", "match", "search") and args:
            if self._is_re(f.value):  # re.fullmatch(PATTERN, token[, flags])
                if len(args) not in (2, 3) or (attr := self._term(args[1], env)) is None:
                    return None
                try:
                    pattern = re.compile(self._const(args[0]), self._const(args[2]) if len(args) == 3 else 0)
                except (ValueError, TypeError, re.error):
                    return None
            else:  # PATTERN.fullmatch(token)
                if len(args) != 1 or (attr := self._term(args[0], env)) is None:
                    return None
                try:
                    pattern = self._const(f.value)
                except (ValueError, TypeError):
                    return None
            return Trigger(patterns=((pattern, f.attr, attr),)) if isinstance(pattern, re.Pattern) else None
        helper = self._helper(f)
        if helper is None or helper in self.stack:
            return None
        passes_tok = len(args) == 1 and self._is_tok(args[0])
        if not (passes_tok or self._at_i(args)):
            return None
        if helper not in _HELPERS:
            try:
                sub = _Derive(helper, self.stack)
            except (OSError, TypeError, SyntaxError, IndexError):
                return None
            # a helper read while it calls itself further up gives None there: kept, as sound
            _HELPERS[helper] = (sub.tok is not None, sub.trigger())
        takes_tok, found = _HELPERS[helper]
        return found if takes_tok == passes_tok else None

    def _is_re(self, node) -> bool:
        try:
            return self._const(node) is re
        except (ValueError, TypeError):
            return False

    @staticmethod
    def _falsy(node) -> bool:
        return (isinstance(node, (ast.Tuple, ast.List, ast.Set)) and not node.elts) or (
            isinstance(node, ast.Constant) and not node.value)

    # ---- tests

    def _holds(self, node, env) -> Trigger | None:
        """A trigger for the test ``node`` to be true."""
        return self._test(node, env, True)

    def _fails(self, node, env) -> Trigger | None:
        """A trigger for the test ``node`` to be false."""
        return self._test(node, env, False)

    def _test(self, node, env, holds: bool) -> Trigger | None:
        """A trigger for the test ``node`` to come out ``holds``: ``and``/``or``, ``not``,
        ``is (not) None``, ``==``/``!=`` and ``in``/``not in`` read as their duals when
        ``holds`` is False; a bare value's truth is read only for ``holds``."""
        if isinstance(node, ast.BoolOp):
            parts = [self._test(v, env, holds) for v in node.values]
            return _narrowest(*parts) if isinstance(node.op, ast.And) == holds else _union(*parts)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self._test(node.operand, env, not holds)
        if isinstance(node, ast.Compare):
            if len(node.ops) == 1:
                op, left, right = node.ops[0], node.left, node.comparators[0]
                none_op, eq_op, in_op = (ast.IsNot, ast.Eq, ast.In) if holds else (ast.Is, ast.NotEq, ast.NotIn)
                if isinstance(op, none_op) and isinstance(right, ast.Constant) and right.value is None:
                    return self._value(left, env, none_only=True)
                if isinstance(op, eq_op) and (first := self._phrase_start(left, right)) is not None:
                    return Trigger(frozenset({first}))
                if self._term(left, env) is not None:
                    if isinstance(op, eq_op) and isinstance(right, ast.Constant) and isinstance(right.value, str):
                        return Trigger(frozenset({right.value.lower()}))
                    if isinstance(op, in_op) and (words := self._words(right)) is not None:
                        return Trigger(words)
            self._unknown(node, env)
            return None
        if holds:
            return self._value(node, env)
        self._unknown(node, env)
        return None

    def _phrase_start(self, left, right) -> str | None:
        """``tuple(t.lower for t in toks[i : …]) == PHRASE`` (or a list of them): the
        phrase's first word is the first token's."""
        if not (isinstance(left, ast.ListComp) or (
                isinstance(left, ast.Call) and isinstance(left.func, ast.Name) and left.func.id in ("tuple", "list")
                and len(left.args) == 1 and isinstance(left.args[0], ast.GeneratorExp) and not left.keywords)):
            return None
        comp = left if isinstance(left, ast.ListComp) else left.args[0]
        if len(comp.generators) != 1 or comp.generators[0].ifs or not isinstance(comp.generators[0].target, ast.Name):
            return None
        gen, var = comp.generators[0], comp.generators[0].target.id
        sliced = gen.iter
        if not (isinstance(comp.elt, ast.Attribute) and comp.elt.attr == "lower" and isinstance(comp.elt.value, ast.Name)
                and comp.elt.value.id == var and isinstance(sliced, ast.Subscript) and isinstance(sliced.value, ast.Name)
                and sliced.value.id == self.toks and isinstance(sliced.slice, ast.Slice)
                and isinstance(sliced.slice.lower, ast.Name) and sliced.slice.lower.id == self.i
                and sliced.slice.step is None):
            return None
        try:
            phrase = self._const(right)
        except (ValueError, TypeError):
            return None
        if not isinstance(phrase, (tuple, list)) or not phrase or not all(isinstance(x, str) for x in phrase):
            return None
        as_list = isinstance(left, ast.ListComp) or left.func.id == "list"
        if as_list != isinstance(phrase, list):
            return None  # a tuple never equals a list
        return phrase[0]

    def _constant_values(self, node) -> list | None:
        """The values of a loop's iterable made of module-level data only (``sorted(vocab.X.items())``),
        at most 500 of them; None for any other iterable."""
        if any(isinstance(n, ast.Name) and n.id in self.locals for n in ast.walk(node)):
            return None
        if any(isinstance(n, (ast.NamedExpr, ast.Await, ast.Yield, ast.YieldFrom)) for n in ast.walk(node)):
            return None
        try:
            values = eval(compile(ast.Expression(node), "<trigger>", "eval"), dict(self.glob))  # noqa: S307 (the rule's own code)
        except Exception:  # noqa: BLE001 (an iterable it cannot compute: no trigger from it)
            return None
        if not isinstance(values, (list, tuple, set, frozenset, dict, type({}.items()), type({}.keys()))):
            return None
        values = list(values)
        return values if len(values) <= 500 else None

    def _bind(self, target, value) -> bool:
        if isinstance(target, ast.Name):
            self.consts[target.id] = value
            return True
        if isinstance(target, ast.Tuple) and isinstance(value, (tuple, list)) and len(value) == len(target.elts):
            return all(self._bind(t, v) for t, v in zip(target.elts, value))
        return False

    @staticmethod
    def _unknown(node, env) -> None:
        """Names bound by ``:=`` inside a test not read: their values are not known."""
        for sub in ast.walk(node):
            if isinstance(sub, ast.NamedExpr):
                env[sub.target.id] = None

    # ---- statements

    def _seq(self, stmts, env) -> Trigger | None:
        """A trigger for ``stmts`` to return something other than None."""
        for k, st in enumerate(stmts):
            rest = stmts[k + 1 :]
            if isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant):
                continue  # a docstring
            if isinstance(st, (ast.Assign, ast.AnnAssign)):
                if not self._assign(st, env):
                    return None
                continue
            if isinstance(st, ast.Return):
                return self._returned(st.value, env)
            if isinstance(st, ast.Raise):
                return NOTHING
            if self._assigned([st]) & self.fixed:
                return None  # the position or the tokens are reassigned
            if isinstance(st, ast.If) and not st.orelse:
                inner = dict(env)
                test_true = self._holds(st.test, inner)
                body = NOTHING if self._only_none(st.body) else _narrowest(test_true, self._seq(st.body, dict(inner)))
                after = dict(env)
                if self._ends_in_return(st.body):  # the rest runs only when the test is false
                    test_false = self._fails(st.test, after)
                    return _union(body, _narrowest(test_false, self._seq(rest, after)))
                for name in self._assigned(st.body) | self._walrus(st.test):
                    after[name] = None
                return _union(body, self._seq(rest, after))
            if isinstance(st, ast.For) and not st.orelse:
                inner = dict(env)
                for name in self._assigned([st]):
                    inner[name] = None
                if self._only_none(st.body):
                    body = NOTHING
                elif (values := self._constant_values(st.iter)) is not None:
                    body = _union(*(self._unrolled(st, v, inner) for v in values))  # each value on its own
                else:
                    body = _narrowest(self._loop_entry(st.iter, env), self._seq(st.body, dict(inner)))
                return _union(body, self._seq(rest, inner))
            return None
        return NOTHING  # the end of the function: None

    def _unrolled(self, st, value, env) -> Trigger | None:
        """The loop's body for one value of its variable."""
        saved = dict(self.consts)
        try:
            names = self._assigned([st.target])
            if not self._bind(st.target, value):
                return None
            return self._seq(st.body, {k: v for k, v in env.items() if k not in names})
        finally:
            self.consts = saved

    def _assign(self, st, env) -> bool:
        targets = st.targets if isinstance(st, ast.Assign) else [st.target]
        if st.value is None:
            return True
        for target in targets:
            if isinstance(target, ast.Name):
                if target.id in self.fixed:
                    return False
                env[target.id] = self._classify(st.value, env)
            elif isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts):
                if any(e.id in self.fixed for e in target.elts):
                    return False
                same = isinstance(st.value, ast.Tuple) and len(st.value.elts) == len(target.elts)
                for n, e in enumerate(target.elts):
                    env[e.id] = self._classify(st.value.elts[n], env) if same else None
            else:
                return False
        return True

    def _returned(self, value, env) -> Trigger | None:
        if value is None or (isinstance(value, ast.Constant) and value.value is None):
            return NOTHING
        if isinstance(value, ast.IfExp):
            if isinstance(value.orelse, ast.Constant) and value.orelse.value is None:
                return self._holds(value.test, env)
            if isinstance(value.body, ast.Constant) and value.body.value is None:
                return self._fails(value.test, env)
        return None

    def _loop_entry(self, node, env) -> Trigger | None:
        """A loop over ``table.get(token, ())`` runs only for a token among the table's keys."""
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get"
                and len(node.args) == 2 and self._falsy(node.args[1])):
            return self._value(node, dict(env))
        return None

    def _only_none(self, stmts) -> bool:
        """No ``return`` in ``stmts`` gives anything but None."""
        return all(sub.value is None or (isinstance(sub.value, ast.Constant) and sub.value.value is None)
                   for st in stmts for sub in ast.walk(st) if isinstance(sub, ast.Return))

    @staticmethod
    def _ends_in_return(stmts) -> bool:
        return bool(stmts) and isinstance(stmts[-1], (ast.Return, ast.Raise))

    @staticmethod
    def _assigned(stmts) -> set[str]:
        return {sub.id for st in stmts for sub in ast.walk(st) if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store)}

    @staticmethod
    def _walrus(node) -> set[str]:
        return {sub.target.id for sub in ast.walk(node) if isinstance(sub, ast.NamedExpr)}


def derive(func) -> Trigger | None:
    """The trigger of a rule's function, or None when its start cannot be read from its code."""
    try:
        return _Derive(func).trigger()
    except (OSError, TypeError, SyntaxError, IndexError):
        return None
