# mypy: ignore-errors
"""The ``__init__`` of each value class :func:`advisor.model.values.dataclass` makes, compiled
with the package rather than on every run (some 100 us each, for some 70 classes a run).

Written by ``python tools/value_inits.py``: do not edit. Each function is the text of the shape
``BY_SHAPE`` maps to it (``values.init_text``), as ``values`` would compile it (no
``from __future__ import annotations`` here: the annotations are the field types); ``values``
takes one only for exactly the same shape, and compiles any other itself.
"""

def __create_fn__(_type_display, _type_own_name, _type_deps, _type_findings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_own_name, _dflt_deps, _dflt_findings):
 def __init__(self, display:_type_display, own_name:_type_own_name=_dflt_own_name, deps:_type_deps=_HAS_DEFAULT_FACTORY, findings:_type_findings=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  self.display=display
  self.own_name=own_name
  self.deps=_dflt_deps() if deps is _HAS_DEFAULT_FACTORY else deps
  self.findings=_dflt_findings() if findings is _HAS_DEFAULT_FACTORY else findings
 return __init__


_0 = __create_fn__


def __create_fn__(_type_index, _type_line, _type_name, _type_written, _type_image, _type_unresolved, _type_platform, _type_parent, _type_env, _type_environment, _type_scope, _type_events, _type_cmd, _type_entrypoint, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_env, _dflt_environment, _dflt_scope, _dflt_events, _dflt_cmd, _dflt_entrypoint):
 def __init__(self, index:_type_index, line:_type_line, name:_type_name, written:_type_written, image:_type_image, unresolved:_type_unresolved, platform:_type_platform, parent:_type_parent, env:_type_env=_HAS_DEFAULT_FACTORY, environment:_type_environment=_HAS_DEFAULT_FACTORY, scope:_type_scope=_HAS_DEFAULT_FACTORY, events:_type_events=_HAS_DEFAULT_FACTORY, cmd:_type_cmd=_dflt_cmd, entrypoint:_type_entrypoint=_dflt_entrypoint) -> __dataclass_return_type__:
  self.index=index
  self.line=line
  self.name=name
  self.written=written
  self.image=image
  self.unresolved=unresolved
  self.platform=platform
  self.parent=parent
  self.env=_dflt_env() if env is _HAS_DEFAULT_FACTORY else env
  self.environment=_dflt_environment() if environment is _HAS_DEFAULT_FACTORY else environment
  self.scope=_dflt_scope() if scope is _HAS_DEFAULT_FACTORY else scope
  self.events=_dflt_events() if events is _HAS_DEFAULT_FACTORY else events
  self.cmd=cmd
  self.entrypoint=entrypoint
 return __init__


_1 = __create_fn__


def __create_fn__(_type_key, _type_shown, _type_base, _type_files, _type_shared, _type_left_out, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_files, _dflt_shared, _dflt_left_out):
 def __init__(self, key:_type_key, shown:_type_shown, base:_type_base, files:_type_files=_HAS_DEFAULT_FACTORY, shared:_type_shared=_HAS_DEFAULT_FACTORY, left_out:_type_left_out=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  self.key=key
  self.shown=shown
  self.base=base
  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files
  self.shared=_dflt_shared() if shared is _HAS_DEFAULT_FACTORY else shared
  self.left_out=_dflt_left_out() if left_out is _HAS_DEFAULT_FACTORY else left_out
 return __init__


_2 = __create_fn__


def __create_fn__(_type_knowledge, _type_project, _type_server, _type_state, _type_floor, _type_reasons, _type_active, _type_pythons, _type_cap_floors, _type_python_source, _type_current, _type_left_out, _type__alone, _type__least, _type__installs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_python_source, _dflt_current, _dflt_left_out, _dflt__alone, _dflt__least, _dflt__installs):
 def __init__(self, knowledge:_type_knowledge, project:_type_project, server:_type_server, state:_type_state, floor:_type_floor, reasons:_type_reasons, active:_type_active, pythons:_type_pythons, cap_floors:_type_cap_floors, python_source:_type_python_source=_dflt_python_source, current:_type_current=_HAS_DEFAULT_FACTORY, left_out:_type_left_out=_HAS_DEFAULT_FACTORY, _alone:_type__alone=_HAS_DEFAULT_FACTORY, _least:_type__least=_HAS_DEFAULT_FACTORY, _installs:_type__installs=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  self.knowledge=knowledge
  self.project=project
  self.server=server
  self.state=state
  self.floor=floor
  self.reasons=reasons
  self.active=active
  self.pythons=pythons
  self.cap_floors=cap_floors
  self.python_source=python_source
  self.current=_dflt_current() if current is _HAS_DEFAULT_FACTORY else current
  self.left_out=_dflt_left_out() if left_out is _HAS_DEFAULT_FACTORY else left_out
  self._alone=_dflt__alone() if _alone is _HAS_DEFAULT_FACTORY else _alone
  self._least=_dflt__least() if _least is _HAS_DEFAULT_FACTORY else _least
  self._installs=_dflt__installs() if _installs is _HAS_DEFAULT_FACTORY else _installs
 return __init__


_3 = __create_fn__


def __create_fn__(_type_out, _type_boundary, _type_python, _type_compiled, _type_index_urls, _type_includes, _type_seen, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_python, _dflt_compiled, _dflt_index_urls, _dflt_includes, _dflt_seen):
 def __init__(self, out:_type_out, boundary:_type_boundary, python:_type_python=_dflt_python, compiled:_type_compiled=_HAS_DEFAULT_FACTORY, index_urls:_type_index_urls=_HAS_DEFAULT_FACTORY, includes:_type_includes=_HAS_DEFAULT_FACTORY, seen:_type_seen=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  self.out=out
  self.boundary=boundary
  self.python=python
  self.compiled=_dflt_compiled() if compiled is _HAS_DEFAULT_FACTORY else compiled
  self.index_urls=_dflt_index_urls() if index_urls is _HAS_DEFAULT_FACTORY else index_urls
  self.includes=_dflt_includes() if includes is _HAS_DEFAULT_FACTORY else includes
  self.seen=_dflt_seen() if seen is _HAS_DEFAULT_FACTORY else seen
 return __init__


_4 = __create_fn__


def __create_fn__(_type_patch, _type_real, _type_st, _type_tmp, _type_in_place, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_tmp, _dflt_in_place):
 def __init__(self, patch:_type_patch, real:_type_real, st:_type_st, tmp:_type_tmp=_dflt_tmp, in_place:_type_in_place=_dflt_in_place) -> __dataclass_return_type__:
  self.patch=patch
  self.real=real
  self.st=st
  self.tmp=tmp
  self.in_place=in_place
 return __init__


_5 = __create_fn__


def __create_fn__(_type_roots, _type_pins, _type_pin_sources, _type_constraints, _type_locked, _type_from_lock, _type_direct, _type_ddtrace_extras, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_roots, _dflt_pins, _dflt_pin_sources, _dflt_constraints, _dflt_locked, _dflt_from_lock, _dflt_direct, _dflt_ddtrace_extras):
 def __init__(self, roots:_type_roots=_HAS_DEFAULT_FACTORY, pins:_type_pins=_HAS_DEFAULT_FACTORY, pin_sources:_type_pin_sources=_HAS_DEFAULT_FACTORY, constraints:_type_constraints=_HAS_DEFAULT_FACTORY, locked:_type_locked=_HAS_DEFAULT_FACTORY, from_lock:_type_from_lock=_dflt_from_lock, direct:_type_direct=_HAS_DEFAULT_FACTORY, ddtrace_extras:_type_ddtrace_extras=_dflt_ddtrace_extras) -> __dataclass_return_type__:
  self.roots=_dflt_roots() if roots is _HAS_DEFAULT_FACTORY else roots
  self.pins=_dflt_pins() if pins is _HAS_DEFAULT_FACTORY else pins
  self.pin_sources=_dflt_pin_sources() if pin_sources is _HAS_DEFAULT_FACTORY else pin_sources
  self.constraints=_dflt_constraints() if constraints is _HAS_DEFAULT_FACTORY else constraints
  self.locked=_dflt_locked() if locked is _HAS_DEFAULT_FACTORY else locked
  self.from_lock=from_lock
  self.direct=_dflt_direct() if direct is _HAS_DEFAULT_FACTORY else direct
  self.ddtrace_extras=ddtrace_extras
 return __init__


_6 = __create_fn__


def __create_fn__(_type_serves, _type_somewhere, _type_installs, _type_smallest, _type_narrowed, _type_unserved, _type_skipped, _type_statuses, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_serves, _dflt_somewhere, _dflt_installs, _dflt_smallest, _dflt_narrowed, _dflt_unserved, _dflt_skipped, _dflt_statuses):
 def __init__(self, serves:_type_serves=_HAS_DEFAULT_FACTORY, somewhere:_type_somewhere=_HAS_DEFAULT_FACTORY, installs:_type_installs=_HAS_DEFAULT_FACTORY, smallest:_type_smallest=_HAS_DEFAULT_FACTORY, narrowed:_type_narrowed=_HAS_DEFAULT_FACTORY, unserved:_type_unserved=_HAS_DEFAULT_FACTORY, skipped:_type_skipped=_HAS_DEFAULT_FACTORY, statuses:_type_statuses=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  self.serves=_dflt_serves() if serves is _HAS_DEFAULT_FACTORY else serves
  self.somewhere=_dflt_somewhere() if somewhere is _HAS_DEFAULT_FACTORY else somewhere
  self.installs=_dflt_installs() if installs is _HAS_DEFAULT_FACTORY else installs
  self.smallest=_dflt_smallest() if smallest is _HAS_DEFAULT_FACTORY else smallest
  self.narrowed=_dflt_narrowed() if narrowed is _HAS_DEFAULT_FACTORY else narrowed
  self.unserved=_dflt_unserved() if unserved is _HAS_DEFAULT_FACTORY else unserved
  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped
  self.statuses=_dflt_statuses() if statuses is _HAS_DEFAULT_FACTORY else statuses
 return __init__


_7 = __create_fn__


def __create_fn__(_type_snapshot, _type_capabilities, _type_unavailable, _type_platforms, _type_excluded, _type_aws_lambda, _type_limits, _type_kept, _type_answers, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_excluded, _dflt_aws_lambda, _dflt_limits, _dflt_kept, _dflt_answers):
 def __init__(self, snapshot:_type_snapshot, capabilities:_type_capabilities, unavailable:_type_unavailable, platforms:_type_platforms, excluded:_type_excluded=_dflt_excluded, aws_lambda:_type_aws_lambda=_dflt_aws_lambda, limits:_type_limits=_HAS_DEFAULT_FACTORY, kept:_type_kept=_dflt_kept, answers:_type_answers=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  self.snapshot=snapshot
  self.capabilities=capabilities
  self.unavailable=unavailable
  self.platforms=platforms
  self.excluded=excluded
  self.aws_lambda=aws_lambda
  self.limits=_dflt_limits() if limits is _HAS_DEFAULT_FACTORY else limits
  self.kept=kept
  self.answers=_dflt_answers() if answers is _HAS_DEFAULT_FACTORY else answers
 return __init__


_8 = __create_fn__


def __create_fn__(_type_text, _type_data, _type_packages, _type_lines, _type_out, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, text:_type_text, data:_type_data, packages:_type_packages, lines:_type_lines, out:_type_out) -> __dataclass_return_type__:
  self.text=text
  self.data=data
  self.packages=packages
  self.lines=lines
  self.out=out
 return __init__


_9 = __create_fn__


def __create_fn__(MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self) -> __dataclass_return_type__:
  pass
 return __init__


_10 = __create_fn__


def __create_fn__(_type_argv, _type_cwd, _type_file, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_argv, _set_cwd, _set_file, _set_reason):
 def __init__(self, argv:_type_argv, cwd:_type_cwd, file:_type_file, reason:_type_reason) -> __dataclass_return_type__:
  _set_argv(self,argv)
  _set_cwd(self,cwd)
  _set_file(self,file)
  _set_reason(self,reason)
 return __init__


_11 = __create_fn__


def __create_fn__(_type_arms, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_arms):
 def __init__(self, arms:_type_arms) -> __dataclass_return_type__:
  _set_arms(self,arms)
 return __init__


_12 = __create_fn__


def __create_fn__(_type_blockers, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_blockers):
 def __init__(self, blockers:_type_blockers) -> __dataclass_return_type__:
  _set_blockers(self,blockers)
 return __init__


_13 = __create_fn__


def __create_fn__(_type_body, _type_shell, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_body, _set_shell):
 def __init__(self, body:_type_body, shell:_type_shell) -> __dataclass_return_type__:
  _set_body(self,body)
  _set_shell(self,shell)
 return __init__


_14 = __create_fn__


def __create_fn__(_type_capabilities, _type_platforms, _type_python, _type_deployment, _type_groups, _type_all_groups, _type_today, _type_offline, _type_resolve_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_capabilities, _set_capabilities, _dflt_platforms, _set_platforms, _dflt_python, _set_python, _dflt_deployment, _set_deployment, _dflt_groups, _set_groups, _dflt_all_groups, _set_all_groups, _dflt_today, _set_today, _dflt_offline, _set_offline, _dflt_resolve_budget, _set_resolve_budget):
 def __init__(self, capabilities:_type_capabilities=_dflt_capabilities, platforms:_type_platforms=_dflt_platforms, python:_type_python=_dflt_python, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, all_groups:_type_all_groups=_dflt_all_groups, today:_type_today=_HAS_DEFAULT_FACTORY, offline:_type_offline=_dflt_offline, resolve_budget:_type_resolve_budget=_dflt_resolve_budget) -> __dataclass_return_type__:
  _set_capabilities(self,capabilities)
  _set_platforms(self,platforms)
  _set_python(self,python)
  _set_deployment(self,deployment)
  _set_groups(self,groups)
  _set_all_groups(self,all_groups)
  _set_today(self,_dflt_today() if today is _HAS_DEFAULT_FACTORY else today)
  _set_offline(self,offline)
  _set_resolve_budget(self,resolve_budget)
 return __init__


_15 = __create_fn__


def __create_fn__(_type_capabilities, _type_python, _type_platforms, _type_today, _type_offline, _type_deployment, _type_groups, _type_all_groups, _type_resolve_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_capabilities, _set_capabilities, _dflt_python, _set_python, _dflt_platforms, _set_platforms, _dflt_today, _set_today, _dflt_offline, _set_offline, _dflt_deployment, _set_deployment, _dflt_groups, _set_groups, _dflt_all_groups, _set_all_groups, _dflt_resolve_budget, _set_resolve_budget):
 def __init__(self, capabilities:_type_capabilities=_dflt_capabilities, python:_type_python=_dflt_python, platforms:_type_platforms=_dflt_platforms, today:_type_today=_HAS_DEFAULT_FACTORY, offline:_type_offline=_dflt_offline, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, all_groups:_type_all_groups=_dflt_all_groups, resolve_budget:_type_resolve_budget=_dflt_resolve_budget) -> __dataclass_return_type__:
  _set_capabilities(self,capabilities)
  _set_python(self,python)
  _set_platforms(self,platforms)
  _set_today(self,_dflt_today() if today is _HAS_DEFAULT_FACTORY else today)
  _set_offline(self,offline)
  _set_deployment(self,deployment)
  _set_groups(self,groups)
  _set_all_groups(self,all_groups)
  _set_resolve_budget(self,resolve_budget)
 return __init__


_16 = __create_fn__


def __create_fn__(_type_capability, _type_min_version, _type_what, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_capability, _set_min_version, _set_what, _set_source):
 def __init__(self, capability:_type_capability, min_version:_type_min_version, what:_type_what, source:_type_source) -> __dataclass_return_type__:
  _set_capability(self,capability)
  _set_min_version(self,min_version)
  _set_what(self,what)
  _set_source(self,source)
 return __init__


_17 = __create_fn__


def __create_fn__(_type_capability, _type_name, _type_where, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_capability, _set_name, _set_where, _set_reason):
 def __init__(self, capability:_type_capability, name:_type_name, where:_type_where, reason:_type_reason) -> __dataclass_return_type__:
  _set_capability(self,capability)
  _set_name(self,name)
  _set_where(self,where)
  _set_reason(self,reason)
 return __init__


_18 = __create_fn__


def __create_fn__(_type_capability, _type_text, _type_source, _type_min_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_capability, _set_text, _set_source, _dflt_min_version, _set_min_version):
 def __init__(self, capability:_type_capability, text:_type_text, source:_type_source, min_version:_type_min_version=_dflt_min_version) -> __dataclass_return_type__:
  _set_capability(self,capability)
  _set_text(self,text)
  _set_source(self,source)
  _set_min_version(self,min_version)
 return __init__


_19 = __create_fn__


def __create_fn__(_type_client, _type_timeout, _type_deadline, _type_auth, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_client, _set_timeout, _set_deadline, _set_auth):
 def __init__(self, client:_type_client, timeout:_type_timeout, deadline:_type_deadline, auth:_type_auth) -> __dataclass_return_type__:
  _set_client(self,client)
  _set_timeout(self,timeout)
  _set_deadline(self,deadline)
  _set_auth(self,auth)
 return __init__


_20 = __create_fn__


def __create_fn__(_type_colour, _type_symbols, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_colour, _set_colour, _dflt_symbols, _set_symbols):
 def __init__(self, colour:_type_colour=_dflt_colour, symbols:_type_symbols=_dflt_symbols) -> __dataclass_return_type__:
  _set_colour(self,colour)
  _set_symbols(self,symbols)
 return __init__


_21 = __create_fn__


def __create_fn__(_type_current, _type_specifier, _type_locked, _type_source, _type_url, _type_parsed_current, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_current, _set_specifier, _set_locked, _set_source, _dflt_url, _set_url, _dflt_parsed_current, _set_parsed_current):
 def __init__(self, current:_type_current, specifier:_type_specifier, locked:_type_locked, source:_type_source, url:_type_url=_dflt_url, parsed_current:_type_parsed_current=_dflt_parsed_current) -> __dataclass_return_type__:
  _set_current(self,current)
  _set_specifier(self,specifier)
  _set_locked(self,locked)
  _set_source(self,source)
  _set_url(self,url)
  _set_parsed_current(self,parsed_current)
 return __init__


_22 = __create_fn__


def __create_fn__(_type_ddtrace, _type_changes, _type_per_python, _type_floor, _type_floor_reasons, _type_tried, _type_resolved, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_ddtrace, _set_changes, _set_per_python, _dflt_floor, _set_floor, _dflt_floor_reasons, _set_floor_reasons, _dflt_tried, _set_tried, _dflt_resolved, _set_resolved, _dflt_skipped, _set_skipped):
 def __init__(self, ddtrace:_type_ddtrace, changes:_type_changes, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, tried:_type_tried=_dflt_tried, resolved:_type_resolved=_dflt_resolved, skipped:_type_skipped=_dflt_skipped) -> __dataclass_return_type__:
  _set_ddtrace(self,ddtrace)
  _set_changes(self,changes)
  _set_per_python(self,per_python)
  _set_floor(self,floor)
  _set_floor_reasons(self,floor_reasons)
  _set_tried(self,tried)
  _set_resolved(self,resolved)
  _set_skipped(self,skipped)
 return __init__


_23 = __create_fn__


def __create_fn__(_type_ddtrace, _type_finding, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_ddtrace, _set_finding):
 def __init__(self, ddtrace:_type_ddtrace, finding:_type_finding) -> __dataclass_return_type__:
  _set_ddtrace(self,ddtrace)
  _set_finding(self,finding)
 return __init__


_24 = __create_fn__


def __create_fn__(_type_ddtrace, _type_per_python, _type_floor, _type_floor_reasons, _type_suggestions, _type_by_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_ddtrace, _set_per_python, _dflt_floor, _set_floor, _dflt_floor_reasons, _set_floor_reasons, _dflt_suggestions, _set_suggestions, _dflt_by_python, _set_by_python):
 def __init__(self, ddtrace:_type_ddtrace, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, suggestions:_type_suggestions=_dflt_suggestions, by_python:_type_by_python=_dflt_by_python) -> __dataclass_return_type__:
  _set_ddtrace(self,ddtrace)
  _set_per_python(self,per_python)
  _set_floor(self,floor)
  _set_floor_reasons(self,floor_reasons)
  _set_suggestions(self,suggestions)
  _set_by_python(self,by_python)
 return __init__


_25 = __create_fn__


def __create_fn__(_type_ddtrace, _type_python, _type_platforms, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_ddtrace, _set_python, _set_platforms):
 def __init__(self, ddtrace:_type_ddtrace, python:_type_python, platforms:_type_platforms) -> __dataclass_return_type__:
  _set_ddtrace(self,ddtrace)
  _set_python(self,python)
  _set_platforms(self,platforms)
 return __init__


_26 = __create_fn__


def __create_fn__(_type_ddtrace, _type_python, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_ddtrace, _set_python, _set_source):
 def __init__(self, ddtrace:_type_ddtrace, python:_type_python, source:_type_source) -> __dataclass_return_type__:
  _set_ddtrace(self,ddtrace)
  _set_python(self,python)
  _set_source(self,source)
 return __init__


_27 = __create_fn__


def __create_fn__(_type_detect, _type_never, _type_appsec_off, _type_appsec_off_reason, _type_floors, _type_notes, _type_source, _type_notes_off, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_detect, _set_never, _set_appsec_off, _set_appsec_off_reason, _set_floors, _set_notes, _set_source, _dflt_notes_off, _set_notes_off):
 def __init__(self, detect:_type_detect, never:_type_never, appsec_off:_type_appsec_off, appsec_off_reason:_type_appsec_off_reason, floors:_type_floors, notes:_type_notes, source:_type_source, notes_off:_type_notes_off=_dflt_notes_off) -> __dataclass_return_type__:
  _set_detect(self,detect)
  _set_never(self,never)
  _set_appsec_off(self,appsec_off)
  _set_appsec_off_reason(self,appsec_off_reason)
  _set_floors(self,floors)
  _set_notes(self,notes)
  _set_source(self,source)
  _set_notes_off(self,notes_off)
 return __init__


_28 = __create_fn__


def __create_fn__(_type_docs_url, _type_docs_follows, _type_waf_missing_on, _type_waf_reason, _type_capabilities, _type_features, _type_integrations, _type_branches, _type_runtimes, _type_notes, _type_disagreements, _type_pythons, _type_aws_lambda, _type_platform_minimums, _type_request_capabilities, _type_constrainers, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_docs_url, _set_docs_follows, _set_waf_missing_on, _set_waf_reason, _set_capabilities, _set_features, _set_integrations, _set_branches, _set_runtimes, _set_notes, _set_disagreements, _set_pythons, _set_aws_lambda, _dflt_platform_minimums, _set_platform_minimums, _dflt_request_capabilities, _set_request_capabilities, _dflt_constrainers, _set_constrainers):
 def __init__(self, docs_url:_type_docs_url, docs_follows:_type_docs_follows, waf_missing_on:_type_waf_missing_on, waf_reason:_type_waf_reason, capabilities:_type_capabilities, features:_type_features, integrations:_type_integrations, branches:_type_branches, runtimes:_type_runtimes, notes:_type_notes, disagreements:_type_disagreements, pythons:_type_pythons, aws_lambda:_type_aws_lambda, platform_minimums:_type_platform_minimums=_dflt_platform_minimums, request_capabilities:_type_request_capabilities=_dflt_request_capabilities, constrainers:_type_constrainers=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  _set_docs_url(self,docs_url)
  _set_docs_follows(self,docs_follows)
  _set_waf_missing_on(self,waf_missing_on)
  _set_waf_reason(self,waf_reason)
  _set_capabilities(self,capabilities)
  _set_features(self,features)
  _set_integrations(self,integrations)
  _set_branches(self,branches)
  _set_runtimes(self,runtimes)
  _set_notes(self,notes)
  _set_disagreements(self,disagreements)
  _set_pythons(self,pythons)
  _set_aws_lambda(self,aws_lambda)
  _set_platform_minimums(self,platform_minimums)
  _set_request_capabilities(self,request_capabilities)
  _set_constrainers(self,_dflt_constrainers() if constrainers is _HAS_DEFAULT_FACTORY else constrainers)
 return __init__


_29 = __create_fn__


def __create_fn__(_type_edit, _type_body, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_edit, _set_body):
 def __init__(self, edit:_type_edit, body:_type_body) -> __dataclass_return_type__:
  _set_edit(self,edit)
  _set_body(self,body)
 return __init__


_30 = __create_fn__


def __create_fn__(_type_edited, _type_ran, _type_left, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_edited, _set_edited, _dflt_ran, _set_ran, _dflt_left, _set_left):
 def __init__(self, edited:_type_edited=_dflt_edited, ran:_type_ran=_dflt_ran, left:_type_left=_dflt_left) -> __dataclass_return_type__:
  _set_edited(self,edited)
  _set_ran(self,ran)
  _set_left(self,left)
 return __init__


_31 = __create_fn__


def __create_fn__(_type_enabled, _type_asm_line, _type_layer, _type_layer_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_enabled, _set_enabled, _dflt_asm_line, _set_asm_line, _dflt_layer, _set_layer, _dflt_layer_value, _set_layer_value):
 def __init__(self, enabled:_type_enabled=_dflt_enabled, asm_line:_type_asm_line=_dflt_asm_line, layer:_type_layer=_dflt_layer, layer_value:_type_layer_value=_dflt_layer_value) -> __dataclass_return_type__:
  _set_enabled(self,enabled)
  _set_asm_line(self,asm_line)
  _set_layer(self,layer)
  _set_layer_value(self,layer_value)
 return __init__


_32 = __create_fn__


def __create_fn__(_type_file, _type_line, _type_key, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_file, _dflt_line, _set_line, _dflt_key, _set_key):
 def __init__(self, file:_type_file, line:_type_line=_dflt_line, key:_type_key=_dflt_key) -> __dataclass_return_type__:
  _set_file(self,file)
  _set_line(self,line)
  _set_key(self,key)
 return __init__


_33 = __create_fn__


def __create_fn__(_type_file, _type_by, _type_capabilities, _type_platforms, _type_python, _type_deployment, _type_groups, _type_ignore, _type_table, _type_from_file, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_file, _set_file, _dflt_by, _set_by, _dflt_capabilities, _set_capabilities, _dflt_platforms, _set_platforms, _dflt_python, _set_python, _dflt_deployment, _set_deployment, _dflt_groups, _set_groups, _dflt_ignore, _set_ignore, _dflt_table, _set_table, _dflt_from_file, _set_from_file):
 def __init__(self, file:_type_file=_dflt_file, by:_type_by=_dflt_by, capabilities:_type_capabilities=_dflt_capabilities, platforms:_type_platforms=_dflt_platforms, python:_type_python=_dflt_python, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, ignore:_type_ignore=_dflt_ignore, table:_type_table=_dflt_table, from_file:_type_from_file=_dflt_from_file) -> __dataclass_return_type__:
  _set_file(self,file)
  _set_by(self,by)
  _set_capabilities(self,capabilities)
  _set_platforms(self,platforms)
  _set_python(self,python)
  _set_deployment(self,deployment)
  _set_groups(self,groups)
  _set_ignore(self,ignore)
  _set_table(self,table)
  _set_from_file(self,from_file)
 return __init__


_34 = __create_fn__


def __create_fn__(_type_filename, _type_patch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_filename, _set_patch):
 def __init__(self, filename:_type_filename, patch:_type_patch) -> __dataclass_return_type__:
  _set_filename(self,filename)
  _set_patch(self,patch)
 return __init__


_35 = __create_fn__


def __create_fn__(_type_filename, _type_url, _type_requires_python, _type_yanked, _type_yanked_reason, _type_upload_time, _type_size, _type_hashes, _type_core_metadata, _type_metadata_hash, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_filename, _set_url, _set_requires_python, _set_yanked, _set_yanked_reason, _set_upload_time, _set_size, _set_hashes, _set_core_metadata, _dflt_metadata_hash, _set_metadata_hash):
 def __init__(self, filename:_type_filename, url:_type_url, requires_python:_type_requires_python, yanked:_type_yanked, yanked_reason:_type_yanked_reason, upload_time:_type_upload_time, size:_type_size, hashes:_type_hashes, core_metadata:_type_core_metadata, metadata_hash:_type_metadata_hash=_dflt_metadata_hash) -> __dataclass_return_type__:
  _set_filename(self,filename)
  _set_url(self,url)
  _set_requires_python(self,requires_python)
  _set_yanked(self,yanked)
  _set_yanked_reason(self,yanked_reason)
  _set_upload_time(self,upload_time)
  _set_size(self,size)
  _set_hashes(self,hashes)
  _set_core_metadata(self,core_metadata)
  _set_metadata_hash(self,metadata_hash)
 return __init__


_36 = __create_fn__


def __create_fn__(_type_first, _type_last, _type_count, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_first, _set_last, _set_count, _set_reason):
 def __init__(self, first:_type_first, last:_type_last, count:_type_count, reason:_type_reason) -> __dataclass_return_type__:
  _set_first(self,first)
  _set_last(self,last)
  _set_count(self,count)
  _set_reason(self,reason)
 return __init__


_37 = __create_fn__


def __create_fn__(_type_groups, _type_excluded, _type_all_groups, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_groups, _set_groups, _dflt_excluded, _set_excluded, _dflt_all_groups, _set_all_groups):
 def __init__(self, groups:_type_groups=_dflt_groups, excluded:_type_excluded=_dflt_excluded, all_groups:_type_all_groups=_dflt_all_groups) -> __dataclass_return_type__:
  _set_groups(self,groups)
  _set_excluded(self,excluded)
  _set_all_groups(self,all_groups)
 return __init__


_38 = __create_fn__


def __create_fn__(_type_how, _type_version, _type_specifier, _type_line, _type_written, _type_layer, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_how, _set_version, _set_specifier, _set_line, _dflt_written, _set_written, _dflt_layer, _set_layer):
 def __init__(self, how:_type_how, version:_type_version, specifier:_type_specifier, line:_type_line, written:_type_written=_dflt_written, layer:_type_layer=_dflt_layer) -> __dataclass_return_type__:
  _set_how(self,how)
  _set_version(self,version)
  _set_specifier(self,specifier)
  _set_line(self,line)
  _set_written(self,written)
  _set_layer(self,layer)
 return __init__


_39 = __create_fn__


def __create_fn__(_type_id, _type_applies_to, _type_text, _type_source, _type_ddtrace, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_applies_to, _set_text, _set_source, _set_ddtrace):
 def __init__(self, id:_type_id, applies_to:_type_applies_to, text:_type_text, source:_type_source, ddtrace:_type_ddtrace) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_applies_to(self,applies_to)
  _set_text(self,text)
  _set_source(self,source)
  _set_ddtrace(self,ddtrace)
 return __init__


_40 = __create_fn__


def __create_fn__(_type_id, _type_body, _type_login, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_body, _set_login, _set_type):
 def __init__(self, id:_type_id, body:_type_body, login:_type_login, type:_type_type) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_body(self,body)
  _set_login(self,login)
  _set_type(self,type)
 return __init__


_41 = __create_fn__


def __create_fn__(_type_id, _type_body, _type_login, _type_type, _type_path, _type_line, _type_start_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_body, _set_login, _set_type, _set_path, _set_line, _set_start_line):
 def __init__(self, id:_type_id, body:_type_body, login:_type_login, type:_type_type, path:_type_path, line:_type_line, start_line:_type_start_line) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_body(self,body)
  _set_login(self,login)
  _set_type(self,type)
  _set_path(self,path)
  _set_line(self,line)
  _set_start_line(self,start_line)
 return __init__


_42 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_aliases, _type_supported, _type_min_version, _type_requires_waf, _type_summary, _type_env, _type_python_gates, _type_excluded_platforms, _type_note, _type_history, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_name, _set_aliases, _set_supported, _set_min_version, _set_requires_waf, _set_summary, _set_env, _set_python_gates, _set_excluded_platforms, _set_note, _set_history):
 def __init__(self, id:_type_id, name:_type_name, aliases:_type_aliases, supported:_type_supported, min_version:_type_min_version, requires_waf:_type_requires_waf, summary:_type_summary, env:_type_env, python_gates:_type_python_gates, excluded_platforms:_type_excluded_platforms, note:_type_note, history:_type_history) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_name(self,name)
  _set_aliases(self,aliases)
  _set_supported(self,supported)
  _set_min_version(self,min_version)
  _set_requires_waf(self,requires_waf)
  _set_summary(self,summary)
  _set_env(self,env)
  _set_python_gates(self,python_gates)
  _set_excluded_platforms(self,excluded_platforms)
  _set_note(self,note)
  _set_history(self,history)
 return __init__


_43 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_capability, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_name, _set_capability):
 def __init__(self, id:_type_id, name:_type_name, capability:_type_capability) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_name(self,name)
  _set_capability(self,capability)
 return __init__


_44 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_distribution, _type_version, _type_specifier, _type_source, _type_covers, _type_auto_instrumented, _type_unsupported, _type_documented, _type_parsed_version, _type_parsed_specifier, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_name, _set_distribution, _set_version, _set_specifier, _set_source, _set_covers, _set_auto_instrumented, _set_unsupported, _dflt_documented, _set_documented, _dflt_parsed_version, _set_parsed_version, _dflt_parsed_specifier, _set_parsed_specifier):
 def __init__(self, id:_type_id, name:_type_name, distribution:_type_distribution, version:_type_version, specifier:_type_specifier, source:_type_source, covers:_type_covers, auto_instrumented:_type_auto_instrumented, unsupported:_type_unsupported, documented:_type_documented=_dflt_documented, parsed_version:_type_parsed_version=_dflt_parsed_version, parsed_specifier:_type_parsed_specifier=_dflt_parsed_specifier) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_name(self,name)
  _set_distribution(self,distribution)
  _set_version(self,version)
  _set_specifier(self,specifier)
  _set_source(self,source)
  _set_covers(self,covers)
  _set_auto_instrumented(self,auto_instrumented)
  _set_unsupported(self,unsupported)
  _set_documented(self,documented)
  _set_parsed_version(self,parsed_version)
  _set_parsed_specifier(self,parsed_specifier)
 return __init__


_45 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_distributions, _type_kind, _type_features, _type_auto_instrumented, _type_floors, _type_env, _type_caveats, _type_declared, _type_tested, _type_unsupported, _type_note, _type_documented, _type_covered_by, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_name, _set_distributions, _set_kind, _set_features, _set_auto_instrumented, _set_floors, _set_env, _set_caveats, _set_declared, _set_tested, _set_unsupported, _set_note, _dflt_documented, _set_documented, _dflt_covered_by, _set_covered_by):
 def __init__(self, id:_type_id, name:_type_name, distributions:_type_distributions, kind:_type_kind, features:_type_features, auto_instrumented:_type_auto_instrumented, floors:_type_floors, env:_type_env, caveats:_type_caveats, declared:_type_declared, tested:_type_tested, unsupported:_type_unsupported, note:_type_note, documented:_type_documented=_dflt_documented, covered_by:_type_covered_by=_dflt_covered_by) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_name(self,name)
  _set_distributions(self,distributions)
  _set_kind(self,kind)
  _set_features(self,features)
  _set_auto_instrumented(self,auto_instrumented)
  _set_floors(self,floors)
  _set_env(self,env)
  _set_caveats(self,caveats)
  _set_declared(self,declared)
  _set_tested(self,tested)
  _set_unsupported(self,unsupported)
  _set_note(self,note)
  _set_documented(self,documented)
  _set_covered_by(self,covered_by)
 return __init__


_46 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_min_version, _type_project_min_version, _type_status, _type_reason, _type_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_name, _set_min_version, _set_project_min_version, _set_status, _dflt_reason, _set_reason, _dflt_after, _set_after):
 def __init__(self, id:_type_id, name:_type_name, min_version:_type_min_version, project_min_version:_type_project_min_version, status:_type_status, reason:_type_reason=_dflt_reason, after:_type_after=_dflt_after) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_name(self,name)
  _set_min_version(self,min_version)
  _set_project_min_version(self,project_min_version)
  _set_status(self,status)
  _set_reason(self,reason)
  _set_after(self,after)
 return __init__


_47 = __create_fn__


def __create_fn__(_type_id, _type_platforms, _type_since, _type_needs, _type_left_behind, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_platforms, _set_since, _set_needs, _set_left_behind, _set_source):
 def __init__(self, id:_type_id, platforms:_type_platforms, since:_type_since, needs:_type_needs, left_behind:_type_left_behind, source:_type_source) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_platforms(self,platforms)
  _set_since(self,since)
  _set_needs(self,needs)
  _set_left_behind(self,left_behind)
  _set_source(self,source)
 return __init__


_48 = __create_fn__


def __create_fn__(_type_id, _type_reason, _type_until, _type_count, _type_by, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_reason, _set_until, _set_count, _set_by, _set_source):
 def __init__(self, id:_type_id, reason:_type_reason, until:_type_until, count:_type_count, by:_type_by, source:_type_source) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_reason(self,reason)
  _set_until(self,until)
  _set_count(self,count)
  _set_by(self,by)
  _set_source(self,source)
 return __init__


_49 = __create_fn__


def __create_fn__(_type_id, _type_reason, _type_until, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_reason, _set_until, _set_source):
 def __init__(self, id:_type_id, reason:_type_reason, until:_type_until, source:_type_source) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_reason(self,reason)
  _set_until(self,until)
  _set_source(self,source)
 return __init__


_50 = __create_fn__


def __create_fn__(_type_id, _type_severity, _type_message, _type_location, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_id, _set_severity, _set_message, _dflt_location, _set_location):
 def __init__(self, id:_type_id, severity:_type_severity, message:_type_message, location:_type_location=_dflt_location) -> __dataclass_return_type__:
  _set_id(self,id)
  _set_severity(self,severity)
  _set_message(self,message)
  _set_location(self,location)
 return __init__


_51 = __create_fn__


def __create_fn__(_type_image, _type_environment, _type_name, _type_value, _type_platform, _type_arch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_image, _set_environment, _set_name, _set_value, _set_platform, _set_arch):
 def __init__(self, image:_type_image, environment:_type_environment, name:_type_name, value:_type_value, platform:_type_platform, arch:_type_arch) -> __dataclass_return_type__:
  _set_image(self,image)
  _set_environment(self,environment)
  _set_name(self,name)
  _set_value(self,value)
  _set_platform(self,platform)
  _set_arch(self,arch)
 return __init__


_52 = __create_fn__


def __create_fn__(_type_index, _type_offset, _type_list_key, _type_span, _type_indent, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_index, _set_offset, _set_list_key, _set_span, _set_indent):
 def __init__(self, index:_type_index, offset:_type_offset, list_key:_type_list_key, span:_type_span, indent:_type_indent) -> __dataclass_return_type__:
  _set_index(self,index)
  _set_offset(self,offset)
  _set_list_key(self,list_key)
  _set_span(self,span)
  _set_indent(self,indent)
 return __init__


_53 = __create_fn__


def __create_fn__(_type_indexes, _type_source, _type_skipped, _type_ignored, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_indexes, _set_source, _dflt_skipped, _set_skipped, _dflt_ignored, _set_ignored):
 def __init__(self, indexes:_type_indexes, source:_type_source, skipped:_type_skipped=_dflt_skipped, ignored:_type_ignored=_dflt_ignored) -> __dataclass_return_type__:
  _set_indexes(self,indexes)
  _set_source(self,source)
  _set_skipped(self,skipped)
  _set_ignored(self,ignored)
 return __init__


_54 = __create_fn__


def __create_fn__(_type_keyword, _type_args, _type_line, _type_escape, _type_heredocs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_keyword, _set_args, _set_line, _set_escape, _dflt_heredocs, _set_heredocs):
 def __init__(self, keyword:_type_keyword, args:_type_args, line:_type_line, escape:_type_escape, heredocs:_type_heredocs=_dflt_heredocs) -> __dataclass_return_type__:
  _set_keyword(self,keyword)
  _set_args(self,args)
  _set_line(self,line)
  _set_escape(self,escape)
  _set_heredocs(self,heredocs)
 return __init__


_55 = __create_fn__


def __create_fn__(_type_kind, _type_file, _type_line, _type_name, _type_pythons, _type_platforms, _type_ddtrace, _type_env, _type_aws_lambda, _type_ddtrace_run, _type_context, _type_findings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_kind, _set_file, _set_line, _dflt_name, _set_name, _dflt_pythons, _set_pythons, _dflt_platforms, _set_platforms, _dflt_ddtrace, _set_ddtrace, _dflt_env, _set_env, _dflt_aws_lambda, _set_aws_lambda, _dflt_ddtrace_run, _set_ddtrace_run, _dflt_context, _set_context, _dflt_findings, _set_findings):
 def __init__(self, kind:_type_kind, file:_type_file, line:_type_line, name:_type_name=_dflt_name, pythons:_type_pythons=_dflt_pythons, platforms:_type_platforms=_dflt_platforms, ddtrace:_type_ddtrace=_dflt_ddtrace, env:_type_env=_dflt_env, aws_lambda:_type_aws_lambda=_dflt_aws_lambda, ddtrace_run:_type_ddtrace_run=_dflt_ddtrace_run, context:_type_context=_dflt_context, findings:_type_findings=_dflt_findings) -> __dataclass_return_type__:
  _set_kind(self,kind)
  _set_file(self,file)
  _set_line(self,line)
  _set_name(self,name)
  _set_pythons(self,pythons)
  _set_platforms(self,platforms)
  _set_ddtrace(self,ddtrace)
  _set_env(self,env)
  _set_aws_lambda(self,aws_lambda)
  _set_ddtrace_run(self,ddtrace_run)
  _set_context(self,context)
  _set_findings(self,findings)
 return __init__


_56 = __create_fn__


def __create_fn__(_type_layer, _type_datadog_lambda, _type_ddtrace, _type_source, _type_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_layer, _set_datadog_lambda, _set_ddtrace, _set_source, _dflt_python, _set_python):
 def __init__(self, layer:_type_layer, datadog_lambda:_type_datadog_lambda, ddtrace:_type_ddtrace, source:_type_source, python:_type_python=_dflt_python) -> __dataclass_return_type__:
  _set_layer(self,layer)
  _set_datadog_lambda(self,datadog_lambda)
  _set_ddtrace(self,ddtrace)
  _set_source(self,source)
  _set_python(self,python)
 return __init__


_57 = __create_fn__


def __create_fn__(_type_lines, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_lines, _set_added):
 def __init__(self, lines:_type_lines, added:_type_added) -> __dataclass_return_type__:
  _set_lines(self,lines)
  _set_added(self,added)
 return __init__


_58 = __create_fn__


def __create_fn__(_type_lo, _type_lo_closed, _type_hi, _type_hi_closed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_lo, _set_lo_closed, _set_hi, _set_hi_closed):
 def __init__(self, lo:_type_lo, lo_closed:_type_lo_closed, hi:_type_hi, hi_closed:_type_hi_closed) -> __dataclass_return_type__:
  _set_lo(self,lo)
  _set_lo_closed(self,lo_closed)
  _set_hi(self,hi)
  _set_hi_closed(self,hi_closed)
 return __init__


_59 = __create_fn__


def __create_fn__(_type_login, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_login, _set_type):
 def __init__(self, login:_type_login, type:_type_type) -> __dataclass_return_type__:
  _set_login(self,login)
  _set_type(self,type)
 return __init__


_60 = __create_fn__


def __create_fn__(_type_manifest, _type_path, _type_base, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_manifest, _set_path, _set_base):
 def __init__(self, manifest:_type_manifest, path:_type_path, base:_type_base) -> __dataclass_return_type__:
  _set_manifest(self,manifest)
  _set_path(self,path)
  _set_base(self,base)
 return __init__


_61 = __create_fn__


def __create_fn__(_type_manifests, _type_dependencies, _type_python, _type_findings, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_manifests, _set_dependencies, _set_python, _dflt_findings, _set_findings, _dflt_deployments, _set_deployments):
 def __init__(self, manifests:_type_manifests, dependencies:_type_dependencies, python:_type_python, findings:_type_findings=_dflt_findings, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:
  _set_manifests(self,manifests)
  _set_dependencies(self,dependencies)
  _set_python(self,python)
  _set_findings(self,findings)
  _set_deployments(self,deployments)
 return __init__


_62 = __create_fn__


def __create_fn__(_type_marker, _type_pythons, _type_ddtrace, _type_off, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_marker, _set_pythons, _set_ddtrace, _dflt_off, _set_off):
 def __init__(self, marker:_type_marker, pythons:_type_pythons, ddtrace:_type_ddtrace, off:_type_off=_dflt_off) -> __dataclass_return_type__:
  _set_marker(self,marker)
  _set_pythons(self,pythons)
  _set_ddtrace(self,ddtrace)
  _set_off(self,off)
 return __init__


_63 = __create_fn__


def __create_fn__(_type_name, _type_files, _type_last_serial, _type_versions, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_files, _set_last_serial, _set_versions):
 def __init__(self, name:_type_name, files:_type_files, last_serial:_type_last_serial, versions:_type_versions) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_files(self,files)
  _set_last_serial(self,last_serial)
  _set_versions(self,versions)
 return __init__


_64 = __create_fn__


def __create_fn__(_type_name, _type_main, _type_optional, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_main, _set_optional):
 def __init__(self, name:_type_name, main:_type_main, optional:_type_optional) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_main(self,main)
  _set_optional(self,optional)
 return __init__


_65 = __create_fn__


def __create_fn__(_type_name, _type_packages, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_packages):
 def __init__(self, name:_type_name, packages:_type_packages) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_packages(self,packages)
 return __init__


_66 = __create_fn__


def __create_fn__(_type_name, _type_raw_name, _type_method, _type_flags, _type_crc, _type_compressed, _type_uncompressed, _type_offset, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_raw_name, _set_method, _set_flags, _set_crc, _set_compressed, _set_uncompressed, _set_offset):
 def __init__(self, name:_type_name, raw_name:_type_raw_name, method:_type_method, flags:_type_flags, crc:_type_crc, compressed:_type_compressed, uncompressed:_type_uncompressed, offset:_type_offset) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_raw_name(self,raw_name)
  _set_method(self,method)
  _set_flags(self,flags)
  _set_crc(self,crc)
  _set_compressed(self,compressed)
  _set_uncompressed(self,uncompressed)
  _set_offset(self,offset)
 return __init__


_67 = __create_fn__


def __create_fn__(_type_name, _type_spec, _type_marker, _type_end, _type_url, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_spec, _set_marker, _set_end, _dflt_url, _set_url):
 def __init__(self, name:_type_name, spec:_type_spec, marker:_type_marker, end:_type_end, url:_type_url=_dflt_url) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_spec(self,spec)
  _set_marker(self,marker)
  _set_end(self,end)
  _set_url(self,url)
 return __init__


_68 = __create_fn__


def __create_fn__(_type_name, _type_specifier, _type_extras, _type_origin, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_specifier, _dflt_extras, _set_extras, _dflt_origin, _set_origin):
 def __init__(self, name:_type_name, specifier:_type_specifier, extras:_type_extras=_dflt_extras, origin:_type_origin=_dflt_origin) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_specifier(self,specifier)
  _set_extras(self,extras)
  _set_origin(self,origin)
 return __init__


_69 = __create_fn__


def __create_fn__(_type_name, _type_value, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_value, _set_line):
 def __init__(self, name:_type_name, value:_type_value, line:_type_line) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_value(self,value)
  _set_line(self,line)
 return __init__


_70 = __create_fn__


def __create_fn__(_type_name, _type_value, _type_need, _type_note, _type_source, _type_ddtrace, _type_capabilities, _type_lambda_note, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_value, _set_need, _set_note, _set_source, _dflt_ddtrace, _set_ddtrace, _dflt_capabilities, _set_capabilities, _dflt_lambda_note, _set_lambda_note):
 def __init__(self, name:_type_name, value:_type_value, need:_type_need, note:_type_note, source:_type_source, ddtrace:_type_ddtrace=_dflt_ddtrace, capabilities:_type_capabilities=_dflt_capabilities, lambda_note:_type_lambda_note=_dflt_lambda_note) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_value(self,value)
  _set_need(self,need)
  _set_note(self,note)
  _set_source(self,source)
  _set_ddtrace(self,ddtrace)
  _set_capabilities(self,capabilities)
  _set_lambda_note(self,lambda_note)
 return __init__


_71 = __create_fn__


def __create_fn__(_type_name, _type_version, _type_extras, _type_release, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_version, _set_extras, _set_release):
 def __init__(self, name:_type_name, version:_type_version, extras:_type_extras, release:_type_release) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_version(self,version)
  _set_extras(self,extras)
  _set_release(self,release)
 return __init__


_72 = __create_fn__


def __create_fn__(_type_number, _type_line, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_number, _set_line, _set_reason):
 def __init__(self, number:_type_number, line:_type_line, reason:_type_reason) -> __dataclass_return_type__:
  _set_number(self,number)
  _set_line(self,line)
  _set_reason(self,reason)
 return __init__


_73 = __create_fn__


def __create_fn__(_type_op, _type_ws, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_op, _set_ws, _set_version):
 def __init__(self, op:_type_op, ws:_type_ws, version:_type_version) -> __dataclass_return_type__:
  _set_op(self,op)
  _set_ws(self,ws)
  _set_version(self,version)
 return __init__


_74 = __create_fn__


def __create_fn__(_type_package, _type_arms, _type_raise_floor, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_package, _set_arms, _set_raise_floor, _dflt_unresolved, _set_unresolved):
 def __init__(self, package:_type_package, arms:_type_arms, raise_floor:_type_raise_floor, unresolved:_type_unresolved=_dflt_unresolved) -> __dataclass_return_type__:
  _set_package(self,package)
  _set_arms(self,arms)
  _set_raise_floor(self,raise_floor)
  _set_unresolved(self,unresolved)
 return __init__


_75 = __create_fn__


def __create_fn__(_type_package, _type_wants, _type_hint, _type_allowed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_package, _set_wants, _set_hint, _dflt_allowed, _set_allowed):
 def __init__(self, package:_type_package, wants:_type_wants, hint:_type_hint, allowed:_type_allowed=_dflt_allowed) -> __dataclass_return_type__:
  _set_package(self,package)
  _set_wants(self,wants)
  _set_hint(self,hint)
  _set_allowed(self,allowed)
 return __init__


_76 = __create_fn__


def __create_fn__(_type_page, _type_etag, _type_last_modified, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_page, _set_etag, _set_last_modified):
 def __init__(self, page:_type_page, etag:_type_etag, last_modified:_type_last_modified) -> __dataclass_return_type__:
  _set_page(self,page)
  _set_etag(self,etag)
  _set_last_modified(self,last_modified)
 return __init__


_77 = __create_fn__


def __create_fn__(_type_path, _type_before, _type_after, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_path, _set_before, _set_after, _set_reason):
 def __init__(self, path:_type_path, before:_type_before, after:_type_after, reason:_type_reason) -> __dataclass_return_type__:
  _set_path(self,path)
  _set_before(self,before)
  _set_after(self,after)
  _set_reason(self,reason)
 return __init__


_78 = __create_fn__


def __create_fn__(_type_path, _type_kind, _type_dependencies, _type_python, _type_project_name, _type_is_lock, _type_findings, _type_index_urls, _type_includes, _type_graph, _type_compiled, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_path, _set_kind, _dflt_dependencies, _set_dependencies, _dflt_python, _set_python, _dflt_project_name, _set_project_name, _dflt_is_lock, _set_is_lock, _dflt_findings, _set_findings, _dflt_index_urls, _set_index_urls, _dflt_includes, _set_includes, _dflt_graph, _set_graph, _dflt_compiled, _set_compiled, _dflt_deployments, _set_deployments):
 def __init__(self, path:_type_path, kind:_type_kind, dependencies:_type_dependencies=_dflt_dependencies, python:_type_python=_dflt_python, project_name:_type_project_name=_dflt_project_name, is_lock:_type_is_lock=_dflt_is_lock, findings:_type_findings=_dflt_findings, index_urls:_type_index_urls=_dflt_index_urls, includes:_type_includes=_dflt_includes, graph:_type_graph=_dflt_graph, compiled:_type_compiled=_dflt_compiled, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:
  _set_path(self,path)
  _set_kind(self,kind)
  _set_dependencies(self,dependencies)
  _set_python(self,python)
  _set_project_name(self,project_name)
  _set_is_lock(self,is_lock)
  _set_findings(self,findings)
  _set_index_urls(self,index_urls)
  _set_includes(self,includes)
  _set_graph(self,graph)
  _set_compiled(self,compiled)
  _set_deployments(self,deployments)
 return __init__


_79 = __create_fn__


def __create_fn__(_type_path, _type_start, _type_end, _type_old, _type_new, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_path, _set_start, _set_end, _set_old, _set_new):
 def __init__(self, path:_type_path, start:_type_start, end:_type_end, old:_type_old, new:_type_new) -> __dataclass_return_type__:
  _set_path(self,path)
  _set_start(self,start)
  _set_end(self,end)
  _set_old(self,old)
  _set_new(self,new)
 return __init__


_80 = __create_fn__


def __create_fn__(_type_paths, _type_capabilities, _type_python, _type_platforms, _type_comment, _type_fail_on, _type_token, _type_comment_author, _type_suggest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_paths, _set_capabilities, _set_python, _set_platforms, _set_comment, _set_fail_on, _set_token, _dflt_comment_author, _set_comment_author, _dflt_suggest, _set_suggest):
 def __init__(self, paths:_type_paths, capabilities:_type_capabilities, python:_type_python, platforms:_type_platforms, comment:_type_comment, fail_on:_type_fail_on, token:_type_token, comment_author:_type_comment_author=_dflt_comment_author, suggest:_type_suggest=_dflt_suggest) -> __dataclass_return_type__:
  _set_paths(self,paths)
  _set_capabilities(self,capabilities)
  _set_python(self,python)
  _set_platforms(self,platforms)
  _set_comment(self,comment)
  _set_fail_on(self,fail_on)
  _set_token(self,token)
  _set_comment_author(self,comment_author)
  _set_suggest(self,suggest)
 return __init__


_81 = __create_fn__


def __create_fn__(_type_per_python, _type_floor, _type_floor_reasons, _type_blockers, _type_tried, _type_never_runs, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_per_python, _dflt_floor, _set_floor, _dflt_floor_reasons, _set_floor_reasons, _dflt_blockers, _set_blockers, _dflt_tried, _set_tried, _dflt_never_runs, _set_never_runs, _dflt_skipped, _set_skipped):
 def __init__(self, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, blockers:_type_blockers=_dflt_blockers, tried:_type_tried=_dflt_tried, never_runs:_type_never_runs=_dflt_never_runs, skipped:_type_skipped=_dflt_skipped) -> __dataclass_return_type__:
  _set_per_python(self,per_python)
  _set_floor(self,floor)
  _set_floor_reasons(self,floor_reasons)
  _set_blockers(self,blockers)
  _set_tried(self,tried)
  _set_never_runs(self,never_runs)
  _set_skipped(self,skipped)
 return __init__


_82 = __create_fn__


def __create_fn__(_type_platforms, _type_reason, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_platforms, _set_reason, _set_source):
 def __init__(self, platforms:_type_platforms, reason:_type_reason, source:_type_source) -> __dataclass_return_type__:
  _set_platforms(self,platforms)
  _set_reason(self,reason)
  _set_source(self,source)
 return __init__


_83 = __create_fn__


def __create_fn__(_type_project, _type_advice, _type_offline, _type_settings, _type_indexes, _type_clock, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_project, _set_advice, _set_offline, _set_settings, _set_indexes, _dflt_clock, _set_clock):
 def __init__(self, project:_type_project, advice:_type_advice, offline:_type_offline, settings:_type_settings, indexes:_type_indexes, clock:_type_clock=_dflt_clock) -> __dataclass_return_type__:
  _set_project(self,project)
  _set_advice(self,advice)
  _set_offline(self,offline)
  _set_settings(self,settings)
  _set_indexes(self,indexes)
  _set_clock(self,clock)
 return __init__


_84 = __create_fn__


def __create_fn__(_type_project, _type_index_url, _type_snapshot_date, _type_releases, _type__by_version, _type__final, _type__final_sorted, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_project, _set_index_url, _set_snapshot_date, _set_releases, _dflt__by_version, _set__by_version, _dflt__final, _set__final, _dflt__final_sorted, _set__final_sorted):
 def __init__(self, project:_type_project, index_url:_type_index_url, snapshot_date:_type_snapshot_date, releases:_type_releases, _by_version:_type__by_version=_HAS_DEFAULT_FACTORY, _final:_type__final=_HAS_DEFAULT_FACTORY, _final_sorted:_type__final_sorted=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  _set_project(self,project)
  _set_index_url(self,index_url)
  _set_snapshot_date(self,snapshot_date)
  _set_releases(self,releases)
  _set__by_version(self,_dflt__by_version() if _by_version is _HAS_DEFAULT_FACTORY else _by_version)
  _set__final(self,_dflt__final() if _final is _HAS_DEFAULT_FACTORY else _final)
  _set__final_sorted(self,_dflt__final_sorted() if _final_sorted is _HAS_DEFAULT_FACTORY else _final_sorted)
 return __init__


_85 = __create_fn__


def __create_fn__(_type_project, _type_selected, _type_environment, _type_request, _type_config, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_project, _set_selected, _set_environment, _set_request, _set_config):
 def __init__(self, project:_type_project, selected:_type_selected, environment:_type_environment, request:_type_request, config:_type_config) -> __dataclass_return_type__:
  _set_project(self,project)
  _set_selected(self,selected)
  _set_environment(self,environment)
  _set_request(self,request)
  _set_config(self,config)
 return __init__


_86 = __create_fn__


def __create_fn__(_type_projects, _type_read, _type_shared, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_projects, _set_read, _dflt_shared, _set_shared):
 def __init__(self, projects:_type_projects, read:_type_read, shared:_type_shared=_dflt_shared) -> __dataclass_return_type__:
  _set_projects(self,projects)
  _set_read(self,read)
  _set_shared(self,shared)
 return __init__


_87 = __create_fn__


def __create_fn__(_type_projects, _type_snapshot_date, _type_today, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_projects, _set_snapshot_date, _set_today):
 def __init__(self, projects:_type_projects, snapshot_date:_type_snapshot_date, today:_type_today) -> __dataclass_return_type__:
  _set_projects(self,projects)
  _set_snapshot_date(self,snapshot_date)
  _set_today(self,today)
 return __init__


_88 = __create_fn__


def __create_fn__(_type_python, _type_musl, _type_aws_lambda, _type_python_image, _type_windows, _type_arch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_python, _set_musl, _set_aws_lambda, _set_python_image, _dflt_windows, _set_windows, _dflt_arch, _set_arch):
 def __init__(self, python:_type_python, musl:_type_musl, aws_lambda:_type_aws_lambda, python_image:_type_python_image, windows:_type_windows=_dflt_windows, arch:_type_arch=_dflt_arch) -> __dataclass_return_type__:
  _set_python(self,python)
  _set_musl(self,musl)
  _set_aws_lambda(self,aws_lambda)
  _set_python_image(self,python_image)
  _set_windows(self,windows)
  _set_arch(self,arch)
 return __init__


_89 = __create_fn__


def __create_fn__(_type_python_spec, _type_python_source, _type_python_versions, _type_platforms, _type_ddtrace, _type_requested, _type_capabilities, _type_recommendation, _type_integrations, _type_findings, _type_snapshot_date, _type_files, _type_today, _type_deployment, _type_deployment_source, _type_environment, _type_ignored, _type_python_origins, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_python_spec, _set_python_source, _set_python_versions, _set_platforms, _set_ddtrace, _set_requested, _set_capabilities, _set_recommendation, _set_integrations, _set_findings, _set_snapshot_date, _set_files, _set_today, _dflt_deployment, _set_deployment, _dflt_deployment_source, _set_deployment_source, _dflt_environment, _set_environment, _dflt_ignored, _set_ignored, _dflt_python_origins, _set_python_origins, _dflt_deployments, _set_deployments):
 def __init__(self, python_spec:_type_python_spec, python_source:_type_python_source, python_versions:_type_python_versions, platforms:_type_platforms, ddtrace:_type_ddtrace, requested:_type_requested, capabilities:_type_capabilities, recommendation:_type_recommendation, integrations:_type_integrations, findings:_type_findings, snapshot_date:_type_snapshot_date, files:_type_files, today:_type_today, deployment:_type_deployment=_dflt_deployment, deployment_source:_type_deployment_source=_dflt_deployment_source, environment:_type_environment=_HAS_DEFAULT_FACTORY, ignored:_type_ignored=_dflt_ignored, python_origins:_type_python_origins=_dflt_python_origins, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:
  _set_python_spec(self,python_spec)
  _set_python_source(self,python_source)
  _set_python_versions(self,python_versions)
  _set_platforms(self,platforms)
  _set_ddtrace(self,ddtrace)
  _set_requested(self,requested)
  _set_capabilities(self,capabilities)
  _set_recommendation(self,recommendation)
  _set_integrations(self,integrations)
  _set_findings(self,findings)
  _set_snapshot_date(self,snapshot_date)
  _set_files(self,files)
  _set_today(self,today)
  _set_deployment(self,deployment)
  _set_deployment_source(self,deployment_source)
  _set_environment(self,_dflt_environment() if environment is _HAS_DEFAULT_FACTORY else environment)
  _set_ignored(self,ignored)
  _set_python_origins(self,python_origins)
  _set_deployments(self,deployments)
 return __init__


_90 = __create_fn__


def __create_fn__(_type_reason, _type_hint, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_reason, _dflt_hint, _set_hint):
 def __init__(self, reason:_type_reason, hint:_type_hint=_dflt_hint) -> __dataclass_return_type__:
  _set_reason(self,reason)
  _set_hint(self,hint)
 return __init__


_91 = __create_fn__


def __create_fn__(_type_report, _type_advised, _type_read, _type_configs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_report, _set_advised, _dflt_read, _set_read, _dflt_configs, _set_configs):
 def __init__(self, report:_type_report, advised:_type_advised, read:_type_read=_dflt_read, configs:_type_configs=_dflt_configs) -> __dataclass_return_type__:
  _set_report(self,report)
  _set_advised(self,advised)
  _set_read(self,read)
  _set_configs(self,configs)
 return __init__


_92 = __create_fn__


def __create_fn__(_type_root, _type_files, _type_advice, _type_python_spec, _type_python_source, _type_environment, _type_findings, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_root, _set_files, _set_advice, _dflt_python_spec, _set_python_spec, _dflt_python_source, _set_python_source, _dflt_environment, _set_environment, _dflt_findings, _set_findings, _dflt_deployments, _set_deployments):
 def __init__(self, root:_type_root, files:_type_files, advice:_type_advice, python_spec:_type_python_spec=_dflt_python_spec, python_source:_type_python_source=_dflt_python_source, environment:_type_environment=_HAS_DEFAULT_FACTORY, findings:_type_findings=_dflt_findings, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:
  _set_root(self,root)
  _set_files(self,files)
  _set_advice(self,advice)
  _set_python_spec(self,python_spec)
  _set_python_source(self,python_source)
  _set_environment(self,_dflt_environment() if environment is _HAS_DEFAULT_FACTORY else environment)
  _set_findings(self,findings)
  _set_deployments(self,deployments)
 return __init__


_93 = __create_fn__


def __create_fn__(_type_root, _type_folder, _type_project, _type_top, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_root, _set_folder, _set_project, _dflt_top, _set_top):
 def __init__(self, root:_type_root, folder:_type_folder, project:_type_project, top:_type_top=_dflt_top) -> __dataclass_return_type__:
  _set_root(self,root)
  _set_folder(self,folder)
  _set_project(self,project)
  _set_top(self,top)
 return __init__


_94 = __create_fn__


def __create_fn__(_type_root, _type_repository, _type_trusted, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_root, _dflt_repository, _set_repository, _dflt_trusted, _set_trusted):
 def __init__(self, root:_type_root, repository:_type_repository=_dflt_repository, trusted:_type_trusted=_dflt_trusted) -> __dataclass_return_type__:
  _set_root(self,root)
  _set_repository(self,repository)
  _set_trusted(self,trusted)
 return __init__


_95 = __create_fn__


def __create_fn__(_type_roots, _type_edges, _type_groups, _type_members, _type_root_groups, _type_partial, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_roots, _set_edges, _set_groups, _dflt_members, _set_members, _dflt_root_groups, _set_root_groups, _dflt_partial, _set_partial):
 def __init__(self, roots:_type_roots, edges:_type_edges, groups:_type_groups, members:_type_members=_HAS_DEFAULT_FACTORY, root_groups:_type_root_groups=_HAS_DEFAULT_FACTORY, partial:_type_partial=_dflt_partial) -> __dataclass_return_type__:
  _set_roots(self,roots)
  _set_edges(self,edges)
  _set_groups(self,groups)
  _set_members(self,_dflt_members() if members is _HAS_DEFAULT_FACTORY else members)
  _set_root_groups(self,_dflt_root_groups() if root_groups is _HAS_DEFAULT_FACTORY else root_groups)
  _set_partial(self,partial)
 return __init__


_96 = __create_fn__


def __create_fn__(_type_sarif, _type_subject, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_sarif, _dflt_subject, _set_subject, _dflt_kind, _set_kind):
 def __init__(self, sarif:_type_sarif, subject:_type_subject=_dflt_subject, kind:_type_kind=_dflt_kind) -> __dataclass_return_type__:
  _set_sarif(self,sarif)
  _set_subject(self,subject)
  _set_kind(self,kind)
 return __init__


_97 = __create_fn__


def __create_fn__(_type_since, _type_spec, _type_distributions, _type_listed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_since, _set_spec, _set_distributions, _dflt_listed, _set_listed):
 def __init__(self, since:_type_since, spec:_type_spec, distributions:_type_distributions, listed:_type_listed=_dflt_listed) -> __dataclass_return_type__:
  _set_since(self,since)
  _set_spec(self,spec)
  _set_distributions(self,distributions)
  _set_listed(self,listed)
 return __init__


_98 = __create_fn__


def __create_fn__(_type_snapshot, _type_index_url, _type_extra_index_urls, _type_cache_dir, _type_no_cache, _type_timeout, _type_deadline, _type_trust_files, _type_allow_outside, _type_progress, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_snapshot, _set_snapshot, _dflt_index_url, _set_index_url, _dflt_extra_index_urls, _set_extra_index_urls, _dflt_cache_dir, _set_cache_dir, _dflt_no_cache, _set_no_cache, _dflt_timeout, _set_timeout, _dflt_deadline, _set_deadline, _dflt_trust_files, _set_trust_files, _dflt_allow_outside, _set_allow_outside, _dflt_progress, _set_progress):
 def __init__(self, snapshot:_type_snapshot=_dflt_snapshot, index_url:_type_index_url=_dflt_index_url, extra_index_urls:_type_extra_index_urls=_dflt_extra_index_urls, cache_dir:_type_cache_dir=_dflt_cache_dir, no_cache:_type_no_cache=_dflt_no_cache, timeout:_type_timeout=_dflt_timeout, deadline:_type_deadline=_dflt_deadline, trust_files:_type_trust_files=_dflt_trust_files, allow_outside:_type_allow_outside=_dflt_allow_outside, progress:_type_progress=_dflt_progress) -> __dataclass_return_type__:
  _set_snapshot(self,snapshot)
  _set_index_url(self,index_url)
  _set_extra_index_urls(self,extra_index_urls)
  _set_cache_dir(self,cache_dir)
  _set_no_cache(self,no_cache)
  _set_timeout(self,timeout)
  _set_deadline(self,deadline)
  _set_trust_files(self,trust_files)
  _set_allow_outside(self,allow_outside)
  _set_progress(self,progress)
 return __init__


_99 = __create_fn__


def __create_fn__(_type_spec, _type_marker, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_spec, _set_marker, _set_version):
 def __init__(self, spec:_type_spec, marker:_type_marker, version:_type_version) -> __dataclass_return_type__:
  _set_spec(self,spec)
  _set_marker(self,marker)
  _set_version(self,version)
 return __init__


_100 = __create_fn__


def __create_fn__(_type_spec, _type_source, _type_versions, _type_findings, _type_origins, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_spec, _set_source, _set_versions, _dflt_findings, _set_findings, _dflt_origins, _set_origins):
 def __init__(self, spec:_type_spec, source:_type_source, versions:_type_versions, findings:_type_findings=_dflt_findings, origins:_type_origins=_dflt_origins) -> __dataclass_return_type__:
  _set_spec(self,spec)
  _set_source(self,source)
  _set_versions(self,versions)
  _set_findings(self,findings)
  _set_origins(self,origins)
 return __init__


_101 = __create_fn__


def __create_fn__(_type_spec, _type_source, _type_weak, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_spec, _set_source, _dflt_weak, _set_weak):
 def __init__(self, spec:_type_spec, source:_type_source, weak:_type_weak=_dflt_weak) -> __dataclass_return_type__:
  _set_spec(self,spec)
  _set_source(self,source)
  _set_weak(self,weak)
 return __init__


_102 = __create_fn__


def __create_fn__(_type_spec, _type_support, _type_ends, _type_agent_min, _type_label, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_spec, _set_support, _set_ends, _set_agent_min, _dflt_label, _set_label):
 def __init__(self, spec:_type_spec, support:_type_support, ends:_type_ends, agent_min:_type_agent_min, label:_type_label=_dflt_label) -> __dataclass_return_type__:
  _set_spec(self,spec)
  _set_support(self,support)
  _set_ends(self,ends)
  _set_agent_min(self,agent_min)
  _set_label(self,label)
 return __init__


_103 = __create_fn__


def __create_fn__(_type_spec, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_spec, _set_version):
 def __init__(self, spec:_type_spec, version:_type_version) -> __dataclass_return_type__:
  _set_spec(self,spec)
  _set_version(self,version)
 return __init__


_104 = __create_fn__


def __create_fn__(_type_split, _type_changes, _type_per_python, _type_floor, _type_floor_reasons, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_split, _set_changes, _set_per_python, _dflt_floor, _set_floor, _dflt_floor_reasons, _set_floor_reasons):
 def __init__(self, split:_type_split, changes:_type_changes, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons) -> __dataclass_return_type__:
  _set_split(self,split)
  _set_changes(self,changes)
  _set_per_python(self,per_python)
  _set_floor(self,floor)
  _set_floor_reasons(self,floor_reasons)
 return __init__


_105 = __create_fn__


def __create_fn__(_type_start, _type_lines, _type_body, _type_span, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_start, _set_lines, _set_body, _set_span):
 def __init__(self, start:_type_start, lines:_type_lines, body:_type_body, span:_type_span) -> __dataclass_return_type__:
  _set_start(self,start)
  _set_lines(self,lines)
  _set_body(self,body)
  _set_span(self,span)
 return __init__


_106 = __create_fn__


def __create_fn__(_type_start, _type_lines, _type_end, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_start, _set_lines, _dflt_end, _set_end):
 def __init__(self, start:_type_start, lines:_type_lines, end:_type_end=_dflt_end) -> __dataclass_return_type__:
  _set_start(self,start)
  _set_lines(self,lines)
  _set_end(self,end)
 return __init__


_107 = __create_fn__


def __create_fn__(_type_tag, _type_low, _type_high, _type_distributions, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_tag, _set_low, _set_high, _set_distributions):
 def __init__(self, tag:_type_tag, low:_type_low, high:_type_high, distributions:_type_distributions) -> __dataclass_return_type__:
  _set_tag(self,tag)
  _set_low(self,low)
  _set_high(self,high)
  _set_distributions(self,distributions)
 return __init__


_108 = __create_fn__


def __create_fn__(_type_target, _type_changes, _type_blockers, _type_tried, _type_findings, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_target, _set_changes, _set_blockers, _set_tried, _set_findings, _dflt_unresolved, _set_unresolved):
 def __init__(self, target:_type_target, changes:_type_changes, blockers:_type_blockers, tried:_type_tried, findings:_type_findings, unresolved:_type_unresolved=_dflt_unresolved) -> __dataclass_return_type__:
  _set_target(self,target)
  _set_changes(self,changes)
  _set_blockers(self,blockers)
  _set_tried(self,tried)
  _set_findings(self,findings)
  _set_unresolved(self,unresolved)
 return __init__


_109 = __create_fn__


def __create_fn__(_type_text, _type_encoding, _type_bom, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_text, _set_encoding, _set_bom):
 def __init__(self, text:_type_text, encoding:_type_encoding, bom:_type_bom) -> __dataclass_return_type__:
  _set_text(self,text)
  _set_encoding(self,encoding)
  _set_bom(self,bom)
 return __init__


_110 = __create_fn__


def __create_fn__(_type_text, _type_start, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_text, _set_start):
 def __init__(self, text:_type_text, start:_type_start) -> __dataclass_return_type__:
  _set_text(self,text)
  _set_start(self,start)
 return __init__


_111 = __create_fn__


def __create_fn__(_type_text, _type_starts, _type_lines, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_text, _set_starts, _set_lines):
 def __init__(self, text:_type_text, starts:_type_starts, lines:_type_lines) -> __dataclass_return_type__:
  _set_text(self,text)
  _set_starts(self,starts)
  _set_lines(self,lines)
 return __init__


_112 = __create_fn__


def __create_fn__(_type_tool, _type_command, _type_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_tool, _set_command, _set_python):
 def __init__(self, tool:_type_tool, command:_type_command, python:_type_python) -> __dataclass_return_type__:
  _set_tool(self,tool)
  _set_command(self,command)
  _set_python(self,python)
 return __init__


_113 = __create_fn__


def __create_fn__(_type_topic, _type_sources, _type_follows, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_topic, _set_sources, _set_follows):
 def __init__(self, topic:_type_topic, sources:_type_sources, follows:_type_follows) -> __dataclass_return_type__:
  _set_topic(self,topic)
  _set_sources(self,sources)
  _set_follows(self,follows)
 return __init__


_114 = __create_fn__


def __create_fn__(_type_url, _type_written, _type_expanded, _type_prefix, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_url, _set_written, _dflt_expanded, _set_expanded, _dflt_prefix, _set_prefix):
 def __init__(self, url:_type_url, written:_type_written, expanded:_type_expanded=_dflt_expanded, prefix:_type_prefix=_dflt_prefix) -> __dataclass_return_type__:
  _set_url(self,url)
  _set_written(self,written)
  _set_expanded(self,expanded)
  _set_prefix(self,prefix)
 return __init__


_115 = __create_fn__


def __create_fn__(_type_verbosity, _type_style, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_verbosity, _set_verbosity, _dflt_style, _set_style):
 def __init__(self, verbosity:_type_verbosity=_dflt_verbosity, style:_type_style=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  _set_verbosity(self,verbosity)
  _set_style(self,_dflt_style() if style is _HAS_DEFAULT_FACTORY else style)
 return __init__


_116 = __create_fn__


def __create_fn__(_type_version, _type_marker, _type_pythons, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_version, _set_marker, _set_pythons):
 def __init__(self, version:_type_version, marker:_type_marker, pythons:_type_pythons) -> __dataclass_return_type__:
  _set_version(self,version)
  _set_marker(self,marker)
  _set_pythons(self,pythons)
 return __init__


_117 = __create_fn__


def __create_fn__(_type_version, _type_marker, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_version, _set_marker, _set_source):
 def __init__(self, version:_type_version, marker:_type_marker, source:_type_source) -> __dataclass_return_type__:
  _set_version(self,version)
  _set_marker(self,marker)
  _set_source(self,source)
 return __init__


_118 = __create_fn__


def __create_fn__(_type_version, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_version, _set_reason):
 def __init__(self, version:_type_version, reason:_type_reason) -> __dataclass_return_type__:
  _set_version(self,version)
  _set_reason(self,reason)
 return __init__


_119 = __create_fn__


def __create_fn__(_type_version, _type_released, _type_end_of_life, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_version, _set_released, _set_end_of_life):
 def __init__(self, version:_type_version, released:_type_released, end_of_life:_type_end_of_life) -> __dataclass_return_type__:
  _set_version(self,version)
  _set_released(self,released)
  _set_end_of_life(self,end_of_life)
 return __init__


_120 = __create_fn__


def __create_fn__(_type_version, _type_requires_python, _type_yanked, _type_yanked_reason, _type_upload_time, _type_sdist, _type_wheels, _type_requires_dist, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_version, _set_requires_python, _set_yanked, _set_yanked_reason, _set_upload_time, _set_sdist, _set_wheels, _set_requires_dist):
 def __init__(self, version:_type_version, requires_python:_type_requires_python, yanked:_type_yanked, yanked_reason:_type_yanked_reason, upload_time:_type_upload_time, sdist:_type_sdist, wheels:_type_wheels, requires_dist:_type_requires_dist) -> __dataclass_return_type__:
  _set_version(self,version)
  _set_requires_python(self,requires_python)
  _set_yanked(self,yanked)
  _set_yanked_reason(self,yanked_reason)
  _set_upload_time(self,upload_time)
  _set_sdist(self,sdist)
  _set_wheels(self,wheels)
  _set_requires_dist(self,requires_dist)
 return __init__


_121 = __create_fn__


def __create_fn__(_type_versions, _type_unknown_metadata, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_versions, _set_unknown_metadata):
 def __init__(self, versions:_type_versions, unknown_metadata:_type_unknown_metadata) -> __dataclass_return_type__:
  _set_versions(self,versions)
  _set_unknown_metadata(self,unknown_metadata)
 return __init__


_122 = __create_fn__


def __create_fn__(_type_versions, _type_unknown_metadata, _type_closure, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_versions, _set_unknown_metadata, _dflt_closure, _set_closure):
 def __init__(self, versions:_type_versions, unknown_metadata:_type_unknown_metadata, closure:_type_closure=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  _set_versions(self,versions)
  _set_unknown_metadata(self,unknown_metadata)
  _set_closure(self,_dflt_closure() if closure is _HAS_DEFAULT_FACTORY else closure)
 return __init__


_123 = __create_fn__


def __create_fn__(_type_wants, _type_pythons, _type_appearing, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_wants, _set_pythons, _dflt_appearing, _set_appearing):
 def __init__(self, wants:_type_wants, pythons:_type_pythons, appearing:_type_appearing=_dflt_appearing) -> __dataclass_return_type__:
  _set_wants(self,wants)
  _set_pythons(self,pythons)
  _set_appearing(self,appearing)
 return __init__


_124 = __create_fn__


def __create_fn__(_type_written, _type_resolved, _type_missing, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_written, _set_resolved, _set_missing, _set_line):
 def __init__(self, written:_type_written, resolved:_type_resolved, missing:_type_missing, line:_type_line) -> __dataclass_return_type__:
  _set_written(self,written)
  _set_resolved(self,resolved)
  _set_missing(self,missing)
  _set_line(self,line)
 return __init__


_125 = __create_fn__


def __create_fn__(_type_name, _type_display_name, _type_specifier, _type_version, _type_source, _type_marker, _type_extras, _type_group, _type_group_kind, _type_lock_groups, _type_role, _type_url, _type_editable, _type_hashes, _type_options, _type_origin, _type_parsed_specifier, _type_parsed_version, _type_requires, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_name, _set_display_name, _set_specifier, _set_version, _set_source, _dflt_marker, _set_marker, _dflt_extras, _set_extras, _dflt_group, _set_group, _dflt_group_kind, _set_group_kind, _dflt_lock_groups, _set_lock_groups, _dflt_role, _set_role, _dflt_url, _set_url, _dflt_editable, _set_editable, _dflt_hashes, _set_hashes, _dflt_options, _set_options, _dflt_origin, _set_origin, _dflt_parsed_specifier, _set_parsed_specifier, _dflt_parsed_version, _set_parsed_version, _dflt_requires, _set_requires):
 def __init__(self, name:_type_name, display_name:_type_display_name, specifier:_type_specifier, version:_type_version, source:_type_source, marker:_type_marker=_dflt_marker, extras:_type_extras=_dflt_extras, group:_type_group=_dflt_group, group_kind:_type_group_kind=_dflt_group_kind, lock_groups:_type_lock_groups=_dflt_lock_groups, role:_type_role=_dflt_role, url:_type_url=_dflt_url, editable:_type_editable=_dflt_editable, hashes:_type_hashes=_dflt_hashes, options:_type_options=_dflt_options, origin:_type_origin=_dflt_origin, parsed_specifier:_type_parsed_specifier=_dflt_parsed_specifier, parsed_version:_type_parsed_version=_dflt_parsed_version, requires:_type_requires=_dflt_requires) -> __dataclass_return_type__:
  _set_name(self,name)
  _set_display_name(self,display_name)
  _set_specifier(self,specifier)
  _set_version(self,version)
  _set_source(self,source)
  _set_marker(self,marker)
  _set_extras(self,extras)
  _set_group(self,group)
  _set_group_kind(self,group_kind)
  _set_lock_groups(self,lock_groups)
  _set_role(self,role)
  _set_url(self,url)
  _set_editable(self,editable)
  _set_hashes(self,hashes)
  _set_options(self,options)
  _set_origin(self,origin)
  _set_parsed_specifier(self,parsed_specifier)
  _set_parsed_version(self,parsed_version)
  _set_requires(self,requires)
  self.__post_init__()
 return __init__


_126 = __create_fn__


def __create_fn__(_type_package, _type_from_version, _type_to_version, _type_from_specifier, _type_to_specifier, _type_source, _type_marker, _type_reason, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _set_package, _set_from_version, _set_to_version, _dflt_from_specifier, _set_from_specifier, _dflt_to_specifier, _set_to_specifier, _dflt_source, _set_source, _dflt_marker, _set_marker, _dflt_reason, _set_reason, _dflt_kind, _set_kind):
 def __init__(self, package:_type_package, from_version:_type_from_version, to_version:_type_to_version, from_specifier:_type_from_specifier=_dflt_from_specifier, to_specifier:_type_to_specifier=_dflt_to_specifier, source:_type_source=_dflt_source, marker:_type_marker=_dflt_marker, reason:_type_reason=_dflt_reason, kind:_type_kind=_dflt_kind) -> __dataclass_return_type__:
  _set_package(self,package)
  _set_from_version(self,from_version)
  _set_to_version(self,to_version)
  _set_from_specifier(self,from_specifier)
  _set_to_specifier(self,to_specifier)
  _set_source(self,source)
  _set_marker(self,marker)
  _set_reason(self,reason)
  _set_kind(self,kind)
  self.__post_init__()
 return __init__


_127 = __create_fn__


def __create_fn__(_type_patches, _type_commands, _type_messages, _type_refusals, _type_by_hand, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_patches, _set_patches, _dflt_commands, _set_commands, _dflt_messages, _set_messages, _dflt_refusals, _set_refusals, _dflt_by_hand, _set_by_hand):
 def __init__(self, patches:_type_patches=_dflt_patches, commands:_type_commands=_dflt_commands, messages:_type_messages=_dflt_messages, refusals:_type_refusals=_dflt_refusals, by_hand:_type_by_hand=_dflt_by_hand) -> __dataclass_return_type__:
  _set_patches(self,patches)
  _set_commands(self,commands)
  _set_messages(self,messages)
  _set_refusals(self,refusals)
  _set_by_hand(self,by_hand)
  self.__post_init__()
 return __init__


_128 = __create_fn__


BY_SHAPE = {
    (False, False, (('display', 0), ('own_name', 1), ('deps', 2), ('findings', 2))): _0,
    (False, False, (('index', 0), ('line', 0), ('name', 0), ('written', 0), ('image', 0), ('unresolved', 0), ('platform', 0), ('parent', 0), ('env', 2), ('environment', 2), ('scope', 2), ('events', 2), ('cmd', 1), ('entrypoint', 1))): _1,
    (False, False, (('key', 0), ('shown', 0), ('base', 0), ('files', 2), ('shared', 2), ('left_out', 2))): _2,
    (False, False, (('knowledge', 0), ('project', 0), ('server', 0), ('state', 0), ('floor', 0), ('reasons', 0), ('active', 0), ('pythons', 0), ('cap_floors', 0), ('python_source', 1), ('current', 2), ('left_out', 2), ('_alone', 2), ('_least', 2), ('_installs', 2))): _3,
    (False, False, (('out', 0), ('boundary', 0), ('python', 1), ('compiled', 2), ('index_urls', 2), ('includes', 2), ('seen', 2))): _4,
    (False, False, (('patch', 0), ('real', 0), ('st', 0), ('tmp', 1), ('in_place', 1))): _5,
    (False, False, (('roots', 2), ('pins', 2), ('pin_sources', 2), ('constraints', 2), ('locked', 2), ('from_lock', 1), ('direct', 2), ('ddtrace_extras', 1))): _6,
    (False, False, (('serves', 2), ('somewhere', 2), ('installs', 2), ('smallest', 2), ('narrowed', 2), ('unserved', 2), ('skipped', 2), ('statuses', 2))): _7,
    (False, False, (('snapshot', 0), ('capabilities', 0), ('unavailable', 0), ('platforms', 0), ('excluded', 1), ('aws_lambda', 1), ('limits', 2), ('kept', 1), ('answers', 2))): _8,
    (False, False, (('text', 0), ('data', 0), ('packages', 0), ('lines', 0), ('out', 0))): _9,
    (True, False, ()): _10,
    (True, False, (('argv', 0), ('cwd', 0), ('file', 0), ('reason', 0))): _11,
    (True, False, (('arms', 0),)): _12,
    (True, False, (('blockers', 0),)): _13,
    (True, False, (('body', 0), ('shell', 0))): _14,
    (True, False, (('capabilities', 1), ('platforms', 1), ('python', 1), ('deployment', 1), ('groups', 1), ('all_groups', 1), ('today', 2), ('offline', 1), ('resolve_budget', 1))): _15,
    (True, False, (('capabilities', 1), ('python', 1), ('platforms', 1), ('today', 2), ('offline', 1), ('deployment', 1), ('groups', 1), ('all_groups', 1), ('resolve_budget', 1))): _16,
    (True, False, (('capability', 0), ('min_version', 0), ('what', 0), ('source', 0))): _17,
    (True, False, (('capability', 0), ('name', 0), ('where', 0), ('reason', 0))): _18,
    (True, False, (('capability', 0), ('text', 0), ('source', 0), ('min_version', 1))): _19,
    (True, False, (('client', 0), ('timeout', 0), ('deadline', 0), ('auth', 0))): _20,
    (True, False, (('colour', 1), ('symbols', 1))): _21,
    (True, False, (('current', 0), ('specifier', 0), ('locked', 0), ('source', 0), ('url', 1), ('parsed_current', 1))): _22,
    (True, False, (('ddtrace', 0), ('changes', 0), ('per_python', 0), ('floor', 1), ('floor_reasons', 1), ('tried', 1), ('resolved', 1), ('skipped', 1))): _23,
    (True, False, (('ddtrace', 0), ('finding', 0))): _24,
    (True, False, (('ddtrace', 0), ('per_python', 0), ('floor', 1), ('floor_reasons', 1), ('suggestions', 1), ('by_python', 1))): _25,
    (True, False, (('ddtrace', 0), ('python', 0), ('platforms', 0))): _26,
    (True, False, (('ddtrace', 0), ('python', 0), ('source', 0))): _27,
    (True, False, (('detect', 0), ('never', 0), ('appsec_off', 0), ('appsec_off_reason', 0), ('floors', 0), ('notes', 0), ('source', 0), ('notes_off', 1))): _28,
    (True, False, (('docs_url', 0), ('docs_follows', 0), ('waf_missing_on', 0), ('waf_reason', 0), ('capabilities', 0), ('features', 0), ('integrations', 0), ('branches', 0), ('runtimes', 0), ('notes', 0), ('disagreements', 0), ('pythons', 0), ('aws_lambda', 0), ('platform_minimums', 1), ('request_capabilities', 1), ('constrainers', 2))): _29,
    (True, False, (('edit', 0), ('body', 0))): _30,
    (True, False, (('edited', 1), ('ran', 1), ('left', 1))): _31,
    (True, False, (('enabled', 1), ('asm_line', 1), ('layer', 1), ('layer_value', 1))): _32,
    (True, False, (('file', 0), ('line', 1), ('key', 1))): _33,
    (True, False, (('file', 1), ('by', 1), ('capabilities', 1), ('platforms', 1), ('python', 1), ('deployment', 1), ('groups', 1), ('ignore', 1), ('table', 1), ('from_file', 1))): _34,
    (True, False, (('filename', 0), ('patch', 0))): _35,
    (True, False, (('filename', 0), ('url', 0), ('requires_python', 0), ('yanked', 0), ('yanked_reason', 0), ('upload_time', 0), ('size', 0), ('hashes', 0), ('core_metadata', 0), ('metadata_hash', 1))): _36,
    (True, False, (('first', 0), ('last', 0), ('count', 0), ('reason', 0))): _37,
    (True, False, (('groups', 1), ('excluded', 1), ('all_groups', 1))): _38,
    (True, False, (('how', 0), ('version', 0), ('specifier', 0), ('line', 0), ('written', 1), ('layer', 1))): _39,
    (True, False, (('id', 0), ('applies_to', 0), ('text', 0), ('source', 0), ('ddtrace', 0))): _40,
    (True, False, (('id', 0), ('body', 0), ('login', 0), ('type', 0))): _41,
    (True, False, (('id', 0), ('body', 0), ('login', 0), ('type', 0), ('path', 0), ('line', 0), ('start_line', 0))): _42,
    (True, False, (('id', 0), ('name', 0), ('aliases', 0), ('supported', 0), ('min_version', 0), ('requires_waf', 0), ('summary', 0), ('env', 0), ('python_gates', 0), ('excluded_platforms', 0), ('note', 0), ('history', 0))): _43,
    (True, False, (('id', 0), ('name', 0), ('capability', 0))): _44,
    (True, False, (('id', 0), ('name', 0), ('distribution', 0), ('version', 0), ('specifier', 0), ('source', 0), ('covers', 0), ('auto_instrumented', 0), ('unsupported', 0), ('documented', 1), ('parsed_version', 1), ('parsed_specifier', 1))): _45,
    (True, False, (('id', 0), ('name', 0), ('distributions', 0), ('kind', 0), ('features', 0), ('auto_instrumented', 0), ('floors', 0), ('env', 0), ('caveats', 0), ('declared', 0), ('tested', 0), ('unsupported', 0), ('note', 0), ('documented', 1), ('covered_by', 1))): _46,
    (True, False, (('id', 0), ('name', 0), ('min_version', 0), ('project_min_version', 0), ('status', 0), ('reason', 1), ('after', 1))): _47,
    (True, False, (('id', 0), ('platforms', 0), ('since', 0), ('needs', 0), ('left_behind', 0), ('source', 0))): _48,
    (True, False, (('id', 0), ('reason', 0), ('until', 0), ('count', 0), ('by', 0), ('source', 0))): _49,
    (True, False, (('id', 0), ('reason', 0), ('until', 0), ('source', 0))): _50,
    (True, False, (('id', 0), ('severity', 0), ('message', 0), ('location', 1))): _51,
    (True, False, (('image', 0), ('environment', 0), ('name', 0), ('value', 0), ('platform', 0), ('arch', 0))): _52,
    (True, False, (('index', 0), ('offset', 0), ('list_key', 0), ('span', 0), ('indent', 0))): _53,
    (True, False, (('indexes', 0), ('source', 0), ('skipped', 1), ('ignored', 1))): _54,
    (True, False, (('keyword', 0), ('args', 0), ('line', 0), ('escape', 0), ('heredocs', 1))): _55,
    (True, False, (('kind', 0), ('file', 0), ('line', 0), ('name', 1), ('pythons', 1), ('platforms', 1), ('ddtrace', 1), ('env', 1), ('aws_lambda', 1), ('ddtrace_run', 1), ('context', 1), ('findings', 1))): _56,
    (True, False, (('layer', 0), ('datadog_lambda', 0), ('ddtrace', 0), ('source', 0), ('python', 1))): _57,
    (True, False, (('lines', 0), ('added', 0))): _58,
    (True, False, (('lo', 0), ('lo_closed', 0), ('hi', 0), ('hi_closed', 0))): _59,
    (True, False, (('login', 0), ('type', 0))): _60,
    (True, False, (('manifest', 0), ('path', 0), ('base', 0))): _61,
    (True, False, (('manifests', 0), ('dependencies', 0), ('python', 0), ('findings', 1), ('deployments', 1))): _62,
    (True, False, (('marker', 0), ('pythons', 0), ('ddtrace', 0), ('off', 1))): _63,
    (True, False, (('name', 0), ('files', 0), ('last_serial', 0), ('versions', 0))): _64,
    (True, False, (('name', 0), ('main', 0), ('optional', 0))): _65,
    (True, False, (('name', 0), ('packages', 0))): _66,
    (True, False, (('name', 0), ('raw_name', 0), ('method', 0), ('flags', 0), ('crc', 0), ('compressed', 0), ('uncompressed', 0), ('offset', 0))): _67,
    (True, False, (('name', 0), ('spec', 0), ('marker', 0), ('end', 0), ('url', 1))): _68,
    (True, False, (('name', 0), ('specifier', 0), ('extras', 1), ('origin', 1))): _69,
    (True, False, (('name', 0), ('value', 0), ('line', 0))): _70,
    (True, False, (('name', 0), ('value', 0), ('need', 0), ('note', 0), ('source', 0), ('ddtrace', 1), ('capabilities', 1), ('lambda_note', 1))): _71,
    (True, False, (('name', 0), ('version', 0), ('extras', 0), ('release', 0))): _72,
    (True, False, (('number', 0), ('line', 0), ('reason', 0))): _73,
    (True, False, (('op', 0), ('ws', 0), ('version', 0))): _74,
    (True, False, (('package', 0), ('arms', 0), ('raise_floor', 0), ('unresolved', 1))): _75,
    (True, False, (('package', 0), ('wants', 0), ('hint', 0), ('allowed', 1))): _76,
    (True, False, (('page', 0), ('etag', 0), ('last_modified', 0))): _77,
    (True, False, (('path', 0), ('before', 0), ('after', 0), ('reason', 0))): _78,
    (True, False, (('path', 0), ('kind', 0), ('dependencies', 1), ('python', 1), ('project_name', 1), ('is_lock', 1), ('findings', 1), ('index_urls', 1), ('includes', 1), ('graph', 1), ('compiled', 1), ('deployments', 1))): _79,
    (True, False, (('path', 0), ('start', 0), ('end', 0), ('old', 0), ('new', 0))): _80,
    (True, False, (('paths', 0), ('capabilities', 0), ('python', 0), ('platforms', 0), ('comment', 0), ('fail_on', 0), ('token', 0), ('comment_author', 1), ('suggest', 1))): _81,
    (True, False, (('per_python', 0), ('floor', 1), ('floor_reasons', 1), ('blockers', 1), ('tried', 1), ('never_runs', 1), ('skipped', 1))): _82,
    (True, False, (('platforms', 0), ('reason', 0), ('source', 0))): _83,
    (True, False, (('project', 0), ('advice', 0), ('offline', 0), ('settings', 0), ('indexes', 0), ('clock', 1))): _84,
    (True, False, (('project', 0), ('index_url', 0), ('snapshot_date', 0), ('releases', 0), ('_by_version', 2), ('_final', 2), ('_final_sorted', 2))): _85,
    (True, False, (('project', 0), ('selected', 0), ('environment', 0), ('request', 0), ('config', 0))): _86,
    (True, False, (('projects', 0), ('read', 0), ('shared', 1))): _87,
    (True, False, (('projects', 0), ('snapshot_date', 0), ('today', 0))): _88,
    (True, False, (('python', 0), ('musl', 0), ('aws_lambda', 0), ('python_image', 0), ('windows', 1), ('arch', 1))): _89,
    (True, False, (('python_spec', 0), ('python_source', 0), ('python_versions', 0), ('platforms', 0), ('ddtrace', 0), ('requested', 0), ('capabilities', 0), ('recommendation', 0), ('integrations', 0), ('findings', 0), ('snapshot_date', 0), ('files', 0), ('today', 0), ('deployment', 1), ('deployment_source', 1), ('environment', 2), ('ignored', 1), ('python_origins', 1), ('deployments', 1))): _90,
    (True, False, (('reason', 0), ('hint', 1))): _91,
    (True, False, (('report', 0), ('advised', 0), ('read', 1), ('configs', 1))): _92,
    (True, False, (('root', 0), ('files', 0), ('advice', 0), ('python_spec', 1), ('python_source', 1), ('environment', 2), ('findings', 1), ('deployments', 1))): _93,
    (True, False, (('root', 0), ('folder', 0), ('project', 0), ('top', 1))): _94,
    (True, False, (('root', 0), ('repository', 1), ('trusted', 1))): _95,
    (True, False, (('roots', 0), ('edges', 0), ('groups', 0), ('members', 2), ('root_groups', 2), ('partial', 1))): _96,
    (True, False, (('sarif', 0), ('subject', 1), ('kind', 1))): _97,
    (True, False, (('since', 0), ('spec', 0), ('distributions', 0), ('listed', 1))): _98,
    (True, False, (('snapshot', 1), ('index_url', 1), ('extra_index_urls', 1), ('cache_dir', 1), ('no_cache', 1), ('timeout', 1), ('deadline', 1), ('trust_files', 1), ('allow_outside', 1), ('progress', 1))): _99,
    (True, False, (('spec', 0), ('marker', 0), ('version', 0))): _100,
    (True, False, (('spec', 0), ('source', 0), ('versions', 0), ('findings', 1), ('origins', 1))): _101,
    (True, False, (('spec', 0), ('source', 0), ('weak', 1))): _102,
    (True, False, (('spec', 0), ('support', 0), ('ends', 0), ('agent_min', 0), ('label', 1))): _103,
    (True, False, (('spec', 0), ('version', 0))): _104,
    (True, False, (('split', 0), ('changes', 0), ('per_python', 0), ('floor', 1), ('floor_reasons', 1))): _105,
    (True, False, (('start', 0), ('lines', 0), ('body', 0), ('span', 0))): _106,
    (True, False, (('start', 0), ('lines', 0), ('end', 1))): _107,
    (True, False, (('tag', 0), ('low', 0), ('high', 0), ('distributions', 0))): _108,
    (True, False, (('target', 0), ('changes', 0), ('blockers', 0), ('tried', 0), ('findings', 0), ('unresolved', 1))): _109,
    (True, False, (('text', 0), ('encoding', 0), ('bom', 0))): _110,
    (True, False, (('text', 0), ('start', 0))): _111,
    (True, False, (('text', 0), ('starts', 0), ('lines', 0))): _112,
    (True, False, (('tool', 0), ('command', 0), ('python', 0))): _113,
    (True, False, (('topic', 0), ('sources', 0), ('follows', 0))): _114,
    (True, False, (('url', 0), ('written', 0), ('expanded', 1), ('prefix', 1))): _115,
    (True, False, (('verbosity', 1), ('style', 2))): _116,
    (True, False, (('version', 0), ('marker', 0), ('pythons', 0))): _117,
    (True, False, (('version', 0), ('marker', 0), ('source', 0))): _118,
    (True, False, (('version', 0), ('reason', 0))): _119,
    (True, False, (('version', 0), ('released', 0), ('end_of_life', 0))): _120,
    (True, False, (('version', 0), ('requires_python', 0), ('yanked', 0), ('yanked_reason', 0), ('upload_time', 0), ('sdist', 0), ('wheels', 0), ('requires_dist', 0))): _121,
    (True, False, (('versions', 0), ('unknown_metadata', 0))): _122,
    (True, False, (('versions', 0), ('unknown_metadata', 0), ('closure', 2))): _123,
    (True, False, (('wants', 0), ('pythons', 0), ('appearing', 1))): _124,
    (True, False, (('written', 0), ('resolved', 0), ('missing', 0), ('line', 0))): _125,
    (True, True, (('name', 0), ('display_name', 0), ('specifier', 0), ('version', 0), ('source', 0), ('marker', 1), ('extras', 1), ('group', 1), ('group_kind', 1), ('lock_groups', 1), ('role', 1), ('url', 1), ('editable', 1), ('hashes', 1), ('options', 1), ('origin', 1), ('parsed_specifier', 1), ('parsed_version', 1), ('requires', 1))): _126,
    (True, True, (('package', 0), ('from_version', 0), ('to_version', 0), ('from_specifier', 1), ('to_specifier', 1), ('source', 1), ('marker', 1), ('reason', 1), ('kind', 1))): _127,
    (True, True, (('patches', 1), ('commands', 1), ('messages', 1), ('refusals', 1), ('by_hand', 1))): _128,
}
