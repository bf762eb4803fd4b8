# mypy: ignore-errors
"""The ``__init__`` of each value class :func:`advisor.model.values.dataclass` makes, compiled
with the package rather than on every run (some 100 us each, for some 70 classes a run).

Written by ``python tools/value_inits.py``: do not edit. Each function is the text ``BY_TEXT``
maps to it, as ``values`` would compile it (no ``from __future__ import annotations`` here: the
annotations are the field types); ``values`` takes one only for exactly the same text, and
compiles any other text itself.
"""

def __create_fn__(MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self) -> __dataclass_return_type__:
  pass
 return __init__


_0 = __create_fn__


def __create_fn__(_type_argv, _type_cwd, _type_file, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, argv:_type_argv, cwd:_type_cwd, file:_type_file, reason:_type_reason) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'argv',argv)
  __dataclass_builtins_object__.__setattr__(self,'cwd',cwd)
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__


_1 = __create_fn__


def __create_fn__(_type_arms, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, arms:_type_arms) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'arms',arms)
 return __init__


_2 = __create_fn__


def __create_fn__(_type_blockers, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, blockers:_type_blockers) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'blockers',blockers)
 return __init__


_3 = __create_fn__


def __create_fn__(_type_body, _type_shell, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, body:_type_body, shell:_type_shell) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'body',body)
  __dataclass_builtins_object__.__setattr__(self,'shell',shell)
 return __init__


_4 = __create_fn__


def __create_fn__(_type_capabilities, _type_platforms, _type_python, _type_deployment, _type_groups, _type_all_groups, _type_today, _type_offline, _type_resolve_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_capabilities, _dflt_platforms, _dflt_python, _dflt_deployment, _dflt_groups, _dflt_all_groups, _dflt_today, _dflt_offline, _dflt_resolve_budget):
 def __init__(self, capabilities:_type_capabilities=_dflt_capabilities, platforms:_type_platforms=_dflt_platforms, python:_type_python=_dflt_python, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, all_groups:_type_all_groups=_dflt_all_groups, today:_type_today=_HAS_DEFAULT_FACTORY, offline:_type_offline=_dflt_offline, resolve_budget:_type_resolve_budget=_dflt_resolve_budget) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'deployment',deployment)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'all_groups',all_groups)
  __dataclass_builtins_object__.__setattr__(self,'today',_dflt_today() if today is _HAS_DEFAULT_FACTORY else today)
  __dataclass_builtins_object__.__setattr__(self,'offline',offline)
  __dataclass_builtins_object__.__setattr__(self,'resolve_budget',resolve_budget)
 return __init__


_5 = __create_fn__


def __create_fn__(_type_capabilities, _type_python, _type_platforms, _type_today, _type_offline, _type_deployment, _type_groups, _type_all_groups, _type_resolve_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_capabilities, _dflt_python, _dflt_platforms, _dflt_today, _dflt_offline, _dflt_deployment, _dflt_groups, _dflt_all_groups, _dflt_resolve_budget):
 def __init__(self, capabilities:_type_capabilities=_dflt_capabilities, python:_type_python=_dflt_python, platforms:_type_platforms=_dflt_platforms, today:_type_today=_HAS_DEFAULT_FACTORY, offline:_type_offline=_dflt_offline, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, all_groups:_type_all_groups=_dflt_all_groups, resolve_budget:_type_resolve_budget=_dflt_resolve_budget) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
  __dataclass_builtins_object__.__setattr__(self,'today',_dflt_today() if today is _HAS_DEFAULT_FACTORY else today)
  __dataclass_builtins_object__.__setattr__(self,'offline',offline)
  __dataclass_builtins_object__.__setattr__(self,'deployment',deployment)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'all_groups',all_groups)
  __dataclass_builtins_object__.__setattr__(self,'resolve_budget',resolve_budget)
 return __init__


_6 = __create_fn__


def __create_fn__(_type_capability, _type_min_version, _type_what, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, capability:_type_capability, min_version:_type_min_version, what:_type_what, source:_type_source) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'capability',capability)
  __dataclass_builtins_object__.__setattr__(self,'min_version',min_version)
  __dataclass_builtins_object__.__setattr__(self,'what',what)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__


_7 = __create_fn__


def __create_fn__(_type_capability, _type_name, _type_where, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, capability:_type_capability, name:_type_name, where:_type_where, reason:_type_reason) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'capability',capability)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'where',where)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__


_8 = __create_fn__


def __create_fn__(_type_capability, _type_text, _type_source, _type_min_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_min_version):
 def __init__(self, capability:_type_capability, text:_type_text, source:_type_source, min_version:_type_min_version=_dflt_min_version) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'capability',capability)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'min_version',min_version)
 return __init__


_9 = __create_fn__


def __create_fn__(_type_client, _type_timeout, _type_deadline, _type_auth, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, client:_type_client, timeout:_type_timeout, deadline:_type_deadline, auth:_type_auth) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'client',client)
  __dataclass_builtins_object__.__setattr__(self,'timeout',timeout)
  __dataclass_builtins_object__.__setattr__(self,'deadline',deadline)
  __dataclass_builtins_object__.__setattr__(self,'auth',auth)
 return __init__


_10 = __create_fn__


def __create_fn__(_type_colour, _type_symbols, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_colour, _dflt_symbols):
 def __init__(self, colour:_type_colour=_dflt_colour, symbols:_type_symbols=_dflt_symbols) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'colour',colour)
  __dataclass_builtins_object__.__setattr__(self,'symbols',symbols)
 return __init__


_11 = __create_fn__


def __create_fn__(_type_current, _type_specifier, _type_locked, _type_source, _type_url, _type_parsed_current, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_url, _dflt_parsed_current):
 def __init__(self, current:_type_current, specifier:_type_specifier, locked:_type_locked, source:_type_source, url:_type_url=_dflt_url, parsed_current:_type_parsed_current=_dflt_parsed_current) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'current',current)
  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)
  __dataclass_builtins_object__.__setattr__(self,'locked',locked)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'url',url)
  __dataclass_builtins_object__.__setattr__(self,'parsed_current',parsed_current)
 return __init__


_12 = __create_fn__


def __create_fn__(_type_ddtrace, _type_changes, _type_per_python, _type_floor, _type_floor_reasons, _type_tried, _type_resolved, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_floor, _dflt_floor_reasons, _dflt_tried, _dflt_resolved, _dflt_skipped):
 def __init__(self, ddtrace:_type_ddtrace, changes:_type_changes, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, tried:_type_tried=_dflt_tried, resolved:_type_resolved=_dflt_resolved, skipped:_type_skipped=_dflt_skipped) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'changes',changes)
  __dataclass_builtins_object__.__setattr__(self,'per_python',per_python)
  __dataclass_builtins_object__.__setattr__(self,'floor',floor)
  __dataclass_builtins_object__.__setattr__(self,'floor_reasons',floor_reasons)
  __dataclass_builtins_object__.__setattr__(self,'tried',tried)
  __dataclass_builtins_object__.__setattr__(self,'resolved',resolved)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
 return __init__


_13 = __create_fn__


def __create_fn__(_type_ddtrace, _type_finding, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, ddtrace:_type_ddtrace, finding:_type_finding) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'finding',finding)
 return __init__


_14 = __create_fn__


def __create_fn__(_type_ddtrace, _type_per_python, _type_floor, _type_floor_reasons, _type_suggestions, _type_by_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_floor, _dflt_floor_reasons, _dflt_suggestions, _dflt_by_python):
 def __init__(self, ddtrace:_type_ddtrace, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, suggestions:_type_suggestions=_dflt_suggestions, by_python:_type_by_python=_dflt_by_python) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'per_python',per_python)
  __dataclass_builtins_object__.__setattr__(self,'floor',floor)
  __dataclass_builtins_object__.__setattr__(self,'floor_reasons',floor_reasons)
  __dataclass_builtins_object__.__setattr__(self,'suggestions',suggestions)
  __dataclass_builtins_object__.__setattr__(self,'by_python',by_python)
 return __init__


_15 = __create_fn__


def __create_fn__(_type_ddtrace, _type_python, _type_platforms, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, ddtrace:_type_ddtrace, python:_type_python, platforms:_type_platforms) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
 return __init__


_16 = __create_fn__


def __create_fn__(_type_ddtrace, _type_python, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, ddtrace:_type_ddtrace, python:_type_python, source:_type_source) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__


_17 = __create_fn__


def __create_fn__(_type_detect, _type_never, _type_appsec_off, _type_appsec_off_reason, _type_floors, _type_notes, _type_source, _type_notes_off, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_notes_off):
 def __init__(self, detect:_type_detect, never:_type_never, appsec_off:_type_appsec_off, appsec_off_reason:_type_appsec_off_reason, floors:_type_floors, notes:_type_notes, source:_type_source, notes_off:_type_notes_off=_dflt_notes_off) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'detect',detect)
  __dataclass_builtins_object__.__setattr__(self,'never',never)
  __dataclass_builtins_object__.__setattr__(self,'appsec_off',appsec_off)
  __dataclass_builtins_object__.__setattr__(self,'appsec_off_reason',appsec_off_reason)
  __dataclass_builtins_object__.__setattr__(self,'floors',floors)
  __dataclass_builtins_object__.__setattr__(self,'notes',notes)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'notes_off',notes_off)
 return __init__


_18 = __create_fn__


def __create_fn__(_type_docs_url, _type_docs_follows, _type_waf_missing_on, _type_waf_reason, _type_capabilities, _type_features, _type_integrations, _type_branches, _type_runtimes, _type_notes, _type_disagreements, _type_pythons, _type_aws_lambda, _type_platform_minimums, _type_request_capabilities, _type_constrainers, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_platform_minimums, _dflt_request_capabilities, _dflt_constrainers):
 def __init__(self, docs_url:_type_docs_url, docs_follows:_type_docs_follows, waf_missing_on:_type_waf_missing_on, waf_reason:_type_waf_reason, capabilities:_type_capabilities, features:_type_features, integrations:_type_integrations, branches:_type_branches, runtimes:_type_runtimes, notes:_type_notes, disagreements:_type_disagreements, pythons:_type_pythons, aws_lambda:_type_aws_lambda, platform_minimums:_type_platform_minimums=_dflt_platform_minimums, request_capabilities:_type_request_capabilities=_dflt_request_capabilities, constrainers:_type_constrainers=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'docs_url',docs_url)
  __dataclass_builtins_object__.__setattr__(self,'docs_follows',docs_follows)
  __dataclass_builtins_object__.__setattr__(self,'waf_missing_on',waf_missing_on)
  __dataclass_builtins_object__.__setattr__(self,'waf_reason',waf_reason)
  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)
  __dataclass_builtins_object__.__setattr__(self,'features',features)
  __dataclass_builtins_object__.__setattr__(self,'integrations',integrations)
  __dataclass_builtins_object__.__setattr__(self,'branches',branches)
  __dataclass_builtins_object__.__setattr__(self,'runtimes',runtimes)
  __dataclass_builtins_object__.__setattr__(self,'notes',notes)
  __dataclass_builtins_object__.__setattr__(self,'disagreements',disagreements)
  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)
  __dataclass_builtins_object__.__setattr__(self,'aws_lambda',aws_lambda)
  __dataclass_builtins_object__.__setattr__(self,'platform_minimums',platform_minimums)
  __dataclass_builtins_object__.__setattr__(self,'request_capabilities',request_capabilities)
  __dataclass_builtins_object__.__setattr__(self,'constrainers',_dflt_constrainers() if constrainers is _HAS_DEFAULT_FACTORY else constrainers)
 return __init__


_19 = __create_fn__


def __create_fn__(_type_edit, _type_body, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, edit:_type_edit, body:_type_body) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'edit',edit)
  __dataclass_builtins_object__.__setattr__(self,'body',body)
 return __init__


_20 = __create_fn__


def __create_fn__(_type_edited, _type_ran, _type_left, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_edited, _dflt_ran, _dflt_left):
 def __init__(self, edited:_type_edited=_dflt_edited, ran:_type_ran=_dflt_ran, left:_type_left=_dflt_left) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'edited',edited)
  __dataclass_builtins_object__.__setattr__(self,'ran',ran)
  __dataclass_builtins_object__.__setattr__(self,'left',left)
 return __init__


_21 = __create_fn__


def __create_fn__(_type_enabled, _type_asm_line, _type_layer, _type_layer_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_enabled, _dflt_asm_line, _dflt_layer, _dflt_layer_value):
 def __init__(self, enabled:_type_enabled=_dflt_enabled, asm_line:_type_asm_line=_dflt_asm_line, layer:_type_layer=_dflt_layer, layer_value:_type_layer_value=_dflt_layer_value) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'enabled',enabled)
  __dataclass_builtins_object__.__setattr__(self,'asm_line',asm_line)
  __dataclass_builtins_object__.__setattr__(self,'layer',layer)
  __dataclass_builtins_object__.__setattr__(self,'layer_value',layer_value)
 return __init__


_22 = __create_fn__


def __create_fn__(_type_file, _type_by, _type_capabilities, _type_platforms, _type_python, _type_deployment, _type_groups, _type_ignore, _type_table, _type_from_file, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_file, _dflt_by, _dflt_capabilities, _dflt_platforms, _dflt_python, _dflt_deployment, _dflt_groups, _dflt_ignore, _dflt_table, _dflt_from_file):
 def __init__(self, file:_type_file=_dflt_file, by:_type_by=_dflt_by, capabilities:_type_capabilities=_dflt_capabilities, platforms:_type_platforms=_dflt_platforms, python:_type_python=_dflt_python, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, ignore:_type_ignore=_dflt_ignore, table:_type_table=_dflt_table, from_file:_type_from_file=_dflt_from_file) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'by',by)
  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'deployment',deployment)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'ignore',ignore)
  __dataclass_builtins_object__.__setattr__(self,'table',table)
  __dataclass_builtins_object__.__setattr__(self,'from_file',from_file)
 return __init__


_23 = __create_fn__


def __create_fn__(_type_file, _type_line, _type_key, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_line, _dflt_key):
 def __init__(self, file:_type_file, line:_type_line=_dflt_line, key:_type_key=_dflt_key) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'key',key)
 return __init__


_24 = __create_fn__


def __create_fn__(_type_filename, _type_patch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, filename:_type_filename, patch:_type_patch) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'filename',filename)
  __dataclass_builtins_object__.__setattr__(self,'patch',patch)
 return __init__


_25 = __create_fn__


def __create_fn__(_type_filename, _type_url, _type_requires_python, _type_yanked, _type_yanked_reason, _type_upload_time, _type_size, _type_hashes, _type_core_metadata, _type_metadata_hash, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_metadata_hash):
 def __init__(self, filename:_type_filename, url:_type_url, requires_python:_type_requires_python, yanked:_type_yanked, yanked_reason:_type_yanked_reason, upload_time:_type_upload_time, size:_type_size, hashes:_type_hashes, core_metadata:_type_core_metadata, metadata_hash:_type_metadata_hash=_dflt_metadata_hash) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'filename',filename)
  __dataclass_builtins_object__.__setattr__(self,'url',url)
  __dataclass_builtins_object__.__setattr__(self,'requires_python',requires_python)
  __dataclass_builtins_object__.__setattr__(self,'yanked',yanked)
  __dataclass_builtins_object__.__setattr__(self,'yanked_reason',yanked_reason)
  __dataclass_builtins_object__.__setattr__(self,'upload_time',upload_time)
  __dataclass_builtins_object__.__setattr__(self,'size',size)
  __dataclass_builtins_object__.__setattr__(self,'hashes',hashes)
  __dataclass_builtins_object__.__setattr__(self,'core_metadata',core_metadata)
  __dataclass_builtins_object__.__setattr__(self,'metadata_hash',metadata_hash)
 return __init__


_26 = __create_fn__


def __create_fn__(_type_first, _type_last, _type_count, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, first:_type_first, last:_type_last, count:_type_count, reason:_type_reason) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'first',first)
  __dataclass_builtins_object__.__setattr__(self,'last',last)
  __dataclass_builtins_object__.__setattr__(self,'count',count)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__


_27 = __create_fn__


def __create_fn__(_type_groups, _type_excluded, _type_all_groups, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_groups, _dflt_excluded, _dflt_all_groups):
 def __init__(self, groups:_type_groups=_dflt_groups, excluded:_type_excluded=_dflt_excluded, all_groups:_type_all_groups=_dflt_all_groups) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'excluded',excluded)
  __dataclass_builtins_object__.__setattr__(self,'all_groups',all_groups)
 return __init__


_28 = __create_fn__


def __create_fn__(_type_how, _type_version, _type_specifier, _type_line, _type_written, _type_layer, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_written, _dflt_layer):
 def __init__(self, how:_type_how, version:_type_version, specifier:_type_specifier, line:_type_line, written:_type_written=_dflt_written, layer:_type_layer=_dflt_layer) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'how',how)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'written',written)
  __dataclass_builtins_object__.__setattr__(self,'layer',layer)
 return __init__


_29 = __create_fn__


def __create_fn__(_type_id, _type_applies_to, _type_text, _type_source, _type_ddtrace, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, id:_type_id, applies_to:_type_applies_to, text:_type_text, source:_type_source, ddtrace:_type_ddtrace) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'applies_to',applies_to)
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
 return __init__


_30 = __create_fn__


def __create_fn__(_type_id, _type_body, _type_login, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, id:_type_id, body:_type_body, login:_type_login, type:_type_type) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'body',body)
  __dataclass_builtins_object__.__setattr__(self,'login',login)
  __dataclass_builtins_object__.__setattr__(self,'type',type)
 return __init__


_31 = __create_fn__


def __create_fn__(_type_id, _type_body, _type_login, _type_type, _type_path, _type_line, _type_start_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, id:_type_id, body:_type_body, login:_type_login, type:_type_type, path:_type_path, line:_type_line, start_line:_type_start_line) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'body',body)
  __dataclass_builtins_object__.__setattr__(self,'login',login)
  __dataclass_builtins_object__.__setattr__(self,'type',type)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'start_line',start_line)
 return __init__


_32 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_aliases, _type_supported, _type_min_version, _type_requires_waf, _type_summary, _type_env, _type_python_gates, _type_excluded_platforms, _type_note, _type_history, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, id:_type_id, name:_type_name, aliases:_type_aliases, supported:_type_supported, min_version:_type_min_version, requires_waf:_type_requires_waf, summary:_type_summary, env:_type_env, python_gates:_type_python_gates, excluded_platforms:_type_excluded_platforms, note:_type_note, history:_type_history) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'aliases',aliases)
  __dataclass_builtins_object__.__setattr__(self,'supported',supported)
  __dataclass_builtins_object__.__setattr__(self,'min_version',min_version)
  __dataclass_builtins_object__.__setattr__(self,'requires_waf',requires_waf)
  __dataclass_builtins_object__.__setattr__(self,'summary',summary)
  __dataclass_builtins_object__.__setattr__(self,'env',env)
  __dataclass_builtins_object__.__setattr__(self,'python_gates',python_gates)
  __dataclass_builtins_object__.__setattr__(self,'excluded_platforms',excluded_platforms)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'history',history)
 return __init__


_33 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_capability, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, id:_type_id, name:_type_name, capability:_type_capability) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'capability',capability)
 return __init__


_34 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_distribution, _type_version, _type_specifier, _type_source, _type_covers, _type_auto_instrumented, _type_unsupported, _type_documented, _type_parsed_version, _type_parsed_specifier, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_documented, _dflt_parsed_version, _dflt_parsed_specifier):
 def __init__(self, id:_type_id, name:_type_name, distribution:_type_distribution, version:_type_version, specifier:_type_specifier, source:_type_source, covers:_type_covers, auto_instrumented:_type_auto_instrumented, unsupported:_type_unsupported, documented:_type_documented=_dflt_documented, parsed_version:_type_parsed_version=_dflt_parsed_version, parsed_specifier:_type_parsed_specifier=_dflt_parsed_specifier) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'distribution',distribution)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'covers',covers)
  __dataclass_builtins_object__.__setattr__(self,'auto_instrumented',auto_instrumented)
  __dataclass_builtins_object__.__setattr__(self,'unsupported',unsupported)
  __dataclass_builtins_object__.__setattr__(self,'documented',documented)
  __dataclass_builtins_object__.__setattr__(self,'parsed_version',parsed_version)
  __dataclass_builtins_object__.__setattr__(self,'parsed_specifier',parsed_specifier)
 return __init__


_35 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_distributions, _type_kind, _type_features, _type_auto_instrumented, _type_floors, _type_env, _type_caveats, _type_declared, _type_tested, _type_unsupported, _type_note, _type_documented, _type_covered_by, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_documented, _dflt_covered_by):
 def __init__(self, id:_type_id, name:_type_name, distributions:_type_distributions, kind:_type_kind, features:_type_features, auto_instrumented:_type_auto_instrumented, floors:_type_floors, env:_type_env, caveats:_type_caveats, declared:_type_declared, tested:_type_tested, unsupported:_type_unsupported, note:_type_note, documented:_type_documented=_dflt_documented, covered_by:_type_covered_by=_dflt_covered_by) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'distributions',distributions)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'features',features)
  __dataclass_builtins_object__.__setattr__(self,'auto_instrumented',auto_instrumented)
  __dataclass_builtins_object__.__setattr__(self,'floors',floors)
  __dataclass_builtins_object__.__setattr__(self,'env',env)
  __dataclass_builtins_object__.__setattr__(self,'caveats',caveats)
  __dataclass_builtins_object__.__setattr__(self,'declared',declared)
  __dataclass_builtins_object__.__setattr__(self,'tested',tested)
  __dataclass_builtins_object__.__setattr__(self,'unsupported',unsupported)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'documented',documented)
  __dataclass_builtins_object__.__setattr__(self,'covered_by',covered_by)
 return __init__


_36 = __create_fn__


def __create_fn__(_type_id, _type_name, _type_min_version, _type_project_min_version, _type_status, _type_reason, _type_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_reason, _dflt_after):
 def __init__(self, id:_type_id, name:_type_name, min_version:_type_min_version, project_min_version:_type_project_min_version, status:_type_status, reason:_type_reason=_dflt_reason, after:_type_after=_dflt_after) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'min_version',min_version)
  __dataclass_builtins_object__.__setattr__(self,'project_min_version',project_min_version)
  __dataclass_builtins_object__.__setattr__(self,'status',status)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'after',after)
 return __init__


_37 = __create_fn__


def __create_fn__(_type_id, _type_platforms, _type_since, _type_needs, _type_left_behind, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, id:_type_id, platforms:_type_platforms, since:_type_since, needs:_type_needs, left_behind:_type_left_behind, source:_type_source) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
  __dataclass_builtins_object__.__setattr__(self,'since',since)
  __dataclass_builtins_object__.__setattr__(self,'needs',needs)
  __dataclass_builtins_object__.__setattr__(self,'left_behind',left_behind)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__


_38 = __create_fn__


def __create_fn__(_type_id, _type_reason, _type_until, _type_count, _type_by, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, id:_type_id, reason:_type_reason, until:_type_until, count:_type_count, by:_type_by, source:_type_source) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'until',until)
  __dataclass_builtins_object__.__setattr__(self,'count',count)
  __dataclass_builtins_object__.__setattr__(self,'by',by)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__


_39 = __create_fn__


def __create_fn__(_type_id, _type_reason, _type_until, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, id:_type_id, reason:_type_reason, until:_type_until, source:_type_source) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'until',until)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__


_40 = __create_fn__


def __create_fn__(_type_id, _type_severity, _type_message, _type_location, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_location):
 def __init__(self, id:_type_id, severity:_type_severity, message:_type_message, location:_type_location=_dflt_location) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'id',id)
  __dataclass_builtins_object__.__setattr__(self,'severity',severity)
  __dataclass_builtins_object__.__setattr__(self,'message',message)
  __dataclass_builtins_object__.__setattr__(self,'location',location)
 return __init__


_41 = __create_fn__


def __create_fn__(_type_image, _type_environment, _type_name, _type_value, _type_platform, _type_arch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, image:_type_image, environment:_type_environment, name:_type_name, value:_type_value, platform:_type_platform, arch:_type_arch) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'image',image)
  __dataclass_builtins_object__.__setattr__(self,'environment',environment)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'platform',platform)
  __dataclass_builtins_object__.__setattr__(self,'arch',arch)
 return __init__


_42 = __create_fn__


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


_43 = __create_fn__


def __create_fn__(_type_indexes, _type_source, _type_skipped, _type_ignored, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_skipped, _dflt_ignored):
 def __init__(self, indexes:_type_indexes, source:_type_source, skipped:_type_skipped=_dflt_skipped, ignored:_type_ignored=_dflt_ignored) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'indexes',indexes)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
  __dataclass_builtins_object__.__setattr__(self,'ignored',ignored)
 return __init__


_44 = __create_fn__


def __create_fn__(_type_key, _type_shown, _type_base, _type_files, _type_shared, _type_left_out, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_files, _dflt_shared, _dflt_left_out):
 def __init__(self, key:_type_key, shown:_type_shown, base:_type_base, files:_type_files=_HAS_DEFAULT_FACTORY, shared:_type_shared=_HAS_DEFAULT_FACTORY, left_out:_type_left_out=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  self.key=key
  self.shown=shown
  self.base=base
  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files
  self.shared=_dflt_shared() if shared is _HAS_DEFAULT_FACTORY else shared
  self.left_out=_dflt_left_out() if left_out is _HAS_DEFAULT_FACTORY else left_out
 return __init__


_45 = __create_fn__


def __create_fn__(_type_keyword, _type_args, _type_line, _type_escape, _type_heredocs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_heredocs):
 def __init__(self, keyword:_type_keyword, args:_type_args, line:_type_line, escape:_type_escape, heredocs:_type_heredocs=_dflt_heredocs) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'keyword',keyword)
  __dataclass_builtins_object__.__setattr__(self,'args',args)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'escape',escape)
  __dataclass_builtins_object__.__setattr__(self,'heredocs',heredocs)
 return __init__


_46 = __create_fn__


def __create_fn__(_type_kind, _type_file, _type_line, _type_name, _type_pythons, _type_platforms, _type_ddtrace, _type_env, _type_aws_lambda, _type_ddtrace_run, _type_context, _type_findings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_name, _dflt_pythons, _dflt_platforms, _dflt_ddtrace, _dflt_env, _dflt_aws_lambda, _dflt_ddtrace_run, _dflt_context, _dflt_findings):
 def __init__(self, kind:_type_kind, file:_type_file, line:_type_line, name:_type_name=_dflt_name, pythons:_type_pythons=_dflt_pythons, platforms:_type_platforms=_dflt_platforms, ddtrace:_type_ddtrace=_dflt_ddtrace, env:_type_env=_dflt_env, aws_lambda:_type_aws_lambda=_dflt_aws_lambda, ddtrace_run:_type_ddtrace_run=_dflt_ddtrace_run, context:_type_context=_dflt_context, findings:_type_findings=_dflt_findings) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'file',file)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'env',env)
  __dataclass_builtins_object__.__setattr__(self,'aws_lambda',aws_lambda)
  __dataclass_builtins_object__.__setattr__(self,'ddtrace_run',ddtrace_run)
  __dataclass_builtins_object__.__setattr__(self,'context',context)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
 return __init__


_47 = __create_fn__


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


_48 = __create_fn__


def __create_fn__(_type_layer, _type_datadog_lambda, _type_ddtrace, _type_source, _type_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_python):
 def __init__(self, layer:_type_layer, datadog_lambda:_type_datadog_lambda, ddtrace:_type_ddtrace, source:_type_source, python:_type_python=_dflt_python) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'layer',layer)
  __dataclass_builtins_object__.__setattr__(self,'datadog_lambda',datadog_lambda)
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
 return __init__


_49 = __create_fn__


def __create_fn__(_type_lines, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, lines:_type_lines, added:_type_added) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'lines',lines)
  __dataclass_builtins_object__.__setattr__(self,'added',added)
 return __init__


_50 = __create_fn__


def __create_fn__(_type_lo, _type_lo_closed, _type_hi, _type_hi_closed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, lo:_type_lo, lo_closed:_type_lo_closed, hi:_type_hi, hi_closed:_type_hi_closed) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'lo',lo)
  __dataclass_builtins_object__.__setattr__(self,'lo_closed',lo_closed)
  __dataclass_builtins_object__.__setattr__(self,'hi',hi)
  __dataclass_builtins_object__.__setattr__(self,'hi_closed',hi_closed)
 return __init__


_51 = __create_fn__


def __create_fn__(_type_login, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, login:_type_login, type:_type_type) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'login',login)
  __dataclass_builtins_object__.__setattr__(self,'type',type)
 return __init__


_52 = __create_fn__


def __create_fn__(_type_manifest, _type_path, _type_base, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, manifest:_type_manifest, path:_type_path, base:_type_base) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'manifest',manifest)
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'base',base)
 return __init__


_53 = __create_fn__


def __create_fn__(_type_manifests, _type_dependencies, _type_python, _type_findings, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_findings, _dflt_deployments):
 def __init__(self, manifests:_type_manifests, dependencies:_type_dependencies, python:_type_python, findings:_type_findings=_dflt_findings, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'manifests',manifests)
  __dataclass_builtins_object__.__setattr__(self,'dependencies',dependencies)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'deployments',deployments)
 return __init__


_54 = __create_fn__


def __create_fn__(_type_marker, _type_pythons, _type_ddtrace, _type_off, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_off):
 def __init__(self, marker:_type_marker, pythons:_type_pythons, ddtrace:_type_ddtrace, off:_type_off=_dflt_off) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'marker',marker)
  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'off',off)
 return __init__


_55 = __create_fn__


def __create_fn__(_type_name, _type_display_name, _type_specifier, _type_version, _type_source, _type_marker, _type_extras, _type_group, _type_group_kind, _type_lock_groups, _type_role, _type_url, _type_editable, _type_hashes, _type_options, _type_origin, _type_parsed_specifier, _type_parsed_version, _type_requires, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_marker, _dflt_extras, _dflt_group, _dflt_group_kind, _dflt_lock_groups, _dflt_role, _dflt_url, _dflt_editable, _dflt_hashes, _dflt_options, _dflt_origin, _dflt_parsed_specifier, _dflt_parsed_version, _dflt_requires):
 def __init__(self, name:_type_name, display_name:_type_display_name, specifier:_type_specifier, version:_type_version, source:_type_source, marker:_type_marker=_dflt_marker, extras:_type_extras=_dflt_extras, group:_type_group=_dflt_group, group_kind:_type_group_kind=_dflt_group_kind, lock_groups:_type_lock_groups=_dflt_lock_groups, role:_type_role=_dflt_role, url:_type_url=_dflt_url, editable:_type_editable=_dflt_editable, hashes:_type_hashes=_dflt_hashes, options:_type_options=_dflt_options, origin:_type_origin=_dflt_origin, parsed_specifier:_type_parsed_specifier=_dflt_parsed_specifier, parsed_version:_type_parsed_version=_dflt_parsed_version, requires:_type_requires=_dflt_requires) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'display_name',display_name)
  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'marker',marker)
  __dataclass_builtins_object__.__setattr__(self,'extras',extras)
  __dataclass_builtins_object__.__setattr__(self,'group',group)
  __dataclass_builtins_object__.__setattr__(self,'group_kind',group_kind)
  __dataclass_builtins_object__.__setattr__(self,'lock_groups',lock_groups)
  __dataclass_builtins_object__.__setattr__(self,'role',role)
  __dataclass_builtins_object__.__setattr__(self,'url',url)
  __dataclass_builtins_object__.__setattr__(self,'editable',editable)
  __dataclass_builtins_object__.__setattr__(self,'hashes',hashes)
  __dataclass_builtins_object__.__setattr__(self,'options',options)
  __dataclass_builtins_object__.__setattr__(self,'origin',origin)
  __dataclass_builtins_object__.__setattr__(self,'parsed_specifier',parsed_specifier)
  __dataclass_builtins_object__.__setattr__(self,'parsed_version',parsed_version)
  __dataclass_builtins_object__.__setattr__(self,'requires',requires)
  self.__post_init__()
 return __init__


_56 = __create_fn__


def __create_fn__(_type_name, _type_files, _type_last_serial, _type_versions, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, name:_type_name, files:_type_files, last_serial:_type_last_serial, versions:_type_versions) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'last_serial',last_serial)
  __dataclass_builtins_object__.__setattr__(self,'versions',versions)
 return __init__


_57 = __create_fn__


def __create_fn__(_type_name, _type_main, _type_optional, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, name:_type_name, main:_type_main, optional:_type_optional) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'main',main)
  __dataclass_builtins_object__.__setattr__(self,'optional',optional)
 return __init__


_58 = __create_fn__


def __create_fn__(_type_name, _type_packages, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, name:_type_name, packages:_type_packages) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'packages',packages)
 return __init__


_59 = __create_fn__


def __create_fn__(_type_name, _type_raw_name, _type_method, _type_flags, _type_crc, _type_compressed, _type_uncompressed, _type_offset, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, name:_type_name, raw_name:_type_raw_name, method:_type_method, flags:_type_flags, crc:_type_crc, compressed:_type_compressed, uncompressed:_type_uncompressed, offset:_type_offset) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'raw_name',raw_name)
  __dataclass_builtins_object__.__setattr__(self,'method',method)
  __dataclass_builtins_object__.__setattr__(self,'flags',flags)
  __dataclass_builtins_object__.__setattr__(self,'crc',crc)
  __dataclass_builtins_object__.__setattr__(self,'compressed',compressed)
  __dataclass_builtins_object__.__setattr__(self,'uncompressed',uncompressed)
  __dataclass_builtins_object__.__setattr__(self,'offset',offset)
 return __init__


_60 = __create_fn__


def __create_fn__(_type_name, _type_spec, _type_marker, _type_end, _type_url, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_url):
 def __init__(self, name:_type_name, spec:_type_spec, marker:_type_marker, end:_type_end, url:_type_url=_dflt_url) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'spec',spec)
  __dataclass_builtins_object__.__setattr__(self,'marker',marker)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'url',url)
 return __init__


_61 = __create_fn__


def __create_fn__(_type_name, _type_specifier, _type_extras, _type_origin, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_extras, _dflt_origin):
 def __init__(self, name:_type_name, specifier:_type_specifier, extras:_type_extras=_dflt_extras, origin:_type_origin=_dflt_origin) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)
  __dataclass_builtins_object__.__setattr__(self,'extras',extras)
  __dataclass_builtins_object__.__setattr__(self,'origin',origin)
 return __init__


_62 = __create_fn__


def __create_fn__(_type_name, _type_value, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, name:_type_name, value:_type_value, line:_type_line) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
 return __init__


_63 = __create_fn__


def __create_fn__(_type_name, _type_value, _type_need, _type_note, _type_source, _type_ddtrace, _type_capabilities, _type_lambda_note, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_ddtrace, _dflt_capabilities, _dflt_lambda_note):
 def __init__(self, name:_type_name, value:_type_value, need:_type_need, note:_type_note, source:_type_source, ddtrace:_type_ddtrace=_dflt_ddtrace, capabilities:_type_capabilities=_dflt_capabilities, lambda_note:_type_lambda_note=_dflt_lambda_note) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'value',value)
  __dataclass_builtins_object__.__setattr__(self,'need',need)
  __dataclass_builtins_object__.__setattr__(self,'note',note)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)
  __dataclass_builtins_object__.__setattr__(self,'lambda_note',lambda_note)
 return __init__


_64 = __create_fn__


def __create_fn__(_type_name, _type_version, _type_extras, _type_release, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, name:_type_name, version:_type_version, extras:_type_extras, release:_type_release) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'name',name)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'extras',extras)
  __dataclass_builtins_object__.__setattr__(self,'release',release)
 return __init__


_65 = __create_fn__


def __create_fn__(_type_op, _type_ws, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, op:_type_op, ws:_type_ws, version:_type_version) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'op',op)
  __dataclass_builtins_object__.__setattr__(self,'ws',ws)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
 return __init__


_66 = __create_fn__


def __create_fn__(_type_package, _type_arms, _type_raise_floor, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_unresolved):
 def __init__(self, package:_type_package, arms:_type_arms, raise_floor:_type_raise_floor, unresolved:_type_unresolved=_dflt_unresolved) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'package',package)
  __dataclass_builtins_object__.__setattr__(self,'arms',arms)
  __dataclass_builtins_object__.__setattr__(self,'raise_floor',raise_floor)
  __dataclass_builtins_object__.__setattr__(self,'unresolved',unresolved)
 return __init__


_67 = __create_fn__


def __create_fn__(_type_package, _type_from_version, _type_to_version, _type_from_specifier, _type_to_specifier, _type_source, _type_marker, _type_reason, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_from_specifier, _dflt_to_specifier, _dflt_source, _dflt_marker, _dflt_reason, _dflt_kind):
 def __init__(self, package:_type_package, from_version:_type_from_version, to_version:_type_to_version, from_specifier:_type_from_specifier=_dflt_from_specifier, to_specifier:_type_to_specifier=_dflt_to_specifier, source:_type_source=_dflt_source, marker:_type_marker=_dflt_marker, reason:_type_reason=_dflt_reason, kind:_type_kind=_dflt_kind) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'package',package)
  __dataclass_builtins_object__.__setattr__(self,'from_version',from_version)
  __dataclass_builtins_object__.__setattr__(self,'to_version',to_version)
  __dataclass_builtins_object__.__setattr__(self,'from_specifier',from_specifier)
  __dataclass_builtins_object__.__setattr__(self,'to_specifier',to_specifier)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'marker',marker)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  self.__post_init__()
 return __init__


_68 = __create_fn__


def __create_fn__(_type_package, _type_wants, _type_hint, _type_allowed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_allowed):
 def __init__(self, package:_type_package, wants:_type_wants, hint:_type_hint, allowed:_type_allowed=_dflt_allowed) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'package',package)
  __dataclass_builtins_object__.__setattr__(self,'wants',wants)
  __dataclass_builtins_object__.__setattr__(self,'hint',hint)
  __dataclass_builtins_object__.__setattr__(self,'allowed',allowed)
 return __init__


_69 = __create_fn__


def __create_fn__(_type_page, _type_etag, _type_last_modified, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, page:_type_page, etag:_type_etag, last_modified:_type_last_modified) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'page',page)
  __dataclass_builtins_object__.__setattr__(self,'etag',etag)
  __dataclass_builtins_object__.__setattr__(self,'last_modified',last_modified)
 return __init__


_70 = __create_fn__


def __create_fn__(_type_patch, _type_real, _type_st, _type_tmp, _type_in_place, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_tmp, _dflt_in_place):
 def __init__(self, patch:_type_patch, real:_type_real, st:_type_st, tmp:_type_tmp=_dflt_tmp, in_place:_type_in_place=_dflt_in_place) -> __dataclass_return_type__:
  self.patch=patch
  self.real=real
  self.st=st
  self.tmp=tmp
  self.in_place=in_place
 return __init__


_71 = __create_fn__


def __create_fn__(_type_patches, _type_commands, _type_messages, _type_refusals, _type_by_hand, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_patches, _dflt_commands, _dflt_messages, _dflt_refusals, _dflt_by_hand):
 def __init__(self, patches:_type_patches=_dflt_patches, commands:_type_commands=_dflt_commands, messages:_type_messages=_dflt_messages, refusals:_type_refusals=_dflt_refusals, by_hand:_type_by_hand=_dflt_by_hand) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'patches',patches)
  __dataclass_builtins_object__.__setattr__(self,'commands',commands)
  __dataclass_builtins_object__.__setattr__(self,'messages',messages)
  __dataclass_builtins_object__.__setattr__(self,'refusals',refusals)
  __dataclass_builtins_object__.__setattr__(self,'by_hand',by_hand)
  self.__post_init__()
 return __init__


_72 = __create_fn__


def __create_fn__(_type_path, _type_before, _type_after, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, path:_type_path, before:_type_before, after:_type_after, reason:_type_reason) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'before',before)
  __dataclass_builtins_object__.__setattr__(self,'after',after)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__


_73 = __create_fn__


def __create_fn__(_type_path, _type_kind, _type_dependencies, _type_python, _type_project_name, _type_is_lock, _type_findings, _type_index_urls, _type_includes, _type_graph, _type_compiled, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_dependencies, _dflt_python, _dflt_project_name, _dflt_is_lock, _dflt_findings, _dflt_index_urls, _dflt_includes, _dflt_graph, _dflt_compiled, _dflt_deployments):
 def __init__(self, path:_type_path, kind:_type_kind, dependencies:_type_dependencies=_dflt_dependencies, python:_type_python=_dflt_python, project_name:_type_project_name=_dflt_project_name, is_lock:_type_is_lock=_dflt_is_lock, findings:_type_findings=_dflt_findings, index_urls:_type_index_urls=_dflt_index_urls, includes:_type_includes=_dflt_includes, graph:_type_graph=_dflt_graph, compiled:_type_compiled=_dflt_compiled, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
  __dataclass_builtins_object__.__setattr__(self,'dependencies',dependencies)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'project_name',project_name)
  __dataclass_builtins_object__.__setattr__(self,'is_lock',is_lock)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'index_urls',index_urls)
  __dataclass_builtins_object__.__setattr__(self,'includes',includes)
  __dataclass_builtins_object__.__setattr__(self,'graph',graph)
  __dataclass_builtins_object__.__setattr__(self,'compiled',compiled)
  __dataclass_builtins_object__.__setattr__(self,'deployments',deployments)
 return __init__


_74 = __create_fn__


def __create_fn__(_type_path, _type_start, _type_end, _type_old, _type_new, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, path:_type_path, start:_type_start, end:_type_end, old:_type_old, new:_type_new) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'path',path)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
  __dataclass_builtins_object__.__setattr__(self,'old',old)
  __dataclass_builtins_object__.__setattr__(self,'new',new)
 return __init__


_75 = __create_fn__


def __create_fn__(_type_paths, _type_capabilities, _type_python, _type_platforms, _type_comment, _type_fail_on, _type_token, _type_comment_author, _type_suggest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_comment_author, _dflt_suggest):
 def __init__(self, paths:_type_paths, capabilities:_type_capabilities, python:_type_python, platforms:_type_platforms, comment:_type_comment, fail_on:_type_fail_on, token:_type_token, comment_author:_type_comment_author=_dflt_comment_author, suggest:_type_suggest=_dflt_suggest) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'paths',paths)
  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
  __dataclass_builtins_object__.__setattr__(self,'comment',comment)
  __dataclass_builtins_object__.__setattr__(self,'fail_on',fail_on)
  __dataclass_builtins_object__.__setattr__(self,'token',token)
  __dataclass_builtins_object__.__setattr__(self,'comment_author',comment_author)
  __dataclass_builtins_object__.__setattr__(self,'suggest',suggest)
 return __init__


_76 = __create_fn__


def __create_fn__(_type_per_python, _type_floor, _type_floor_reasons, _type_blockers, _type_tried, _type_never_runs, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_floor, _dflt_floor_reasons, _dflt_blockers, _dflt_tried, _dflt_never_runs, _dflt_skipped):
 def __init__(self, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, blockers:_type_blockers=_dflt_blockers, tried:_type_tried=_dflt_tried, never_runs:_type_never_runs=_dflt_never_runs, skipped:_type_skipped=_dflt_skipped) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'per_python',per_python)
  __dataclass_builtins_object__.__setattr__(self,'floor',floor)
  __dataclass_builtins_object__.__setattr__(self,'floor_reasons',floor_reasons)
  __dataclass_builtins_object__.__setattr__(self,'blockers',blockers)
  __dataclass_builtins_object__.__setattr__(self,'tried',tried)
  __dataclass_builtins_object__.__setattr__(self,'never_runs',never_runs)
  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)
 return __init__


_77 = __create_fn__


def __create_fn__(_type_platforms, _type_reason, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, platforms:_type_platforms, reason:_type_reason, source:_type_source) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__


_78 = __create_fn__


def __create_fn__(_type_project, _type_advice, _type_offline, _type_settings, _type_indexes, _type_clock, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_clock):
 def __init__(self, project:_type_project, advice:_type_advice, offline:_type_offline, settings:_type_settings, indexes:_type_indexes, clock:_type_clock=_dflt_clock) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'project',project)
  __dataclass_builtins_object__.__setattr__(self,'advice',advice)
  __dataclass_builtins_object__.__setattr__(self,'offline',offline)
  __dataclass_builtins_object__.__setattr__(self,'settings',settings)
  __dataclass_builtins_object__.__setattr__(self,'indexes',indexes)
  __dataclass_builtins_object__.__setattr__(self,'clock',clock)
 return __init__


_79 = __create_fn__


def __create_fn__(_type_project, _type_index_url, _type_snapshot_date, _type_releases, _type__by_version, _type__final, _type__final_sorted, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt__by_version, _dflt__final, _dflt__final_sorted):
 def __init__(self, project:_type_project, index_url:_type_index_url, snapshot_date:_type_snapshot_date, releases:_type_releases, _by_version:_type__by_version=_HAS_DEFAULT_FACTORY, _final:_type__final=_HAS_DEFAULT_FACTORY, _final_sorted:_type__final_sorted=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'project',project)
  __dataclass_builtins_object__.__setattr__(self,'index_url',index_url)
  __dataclass_builtins_object__.__setattr__(self,'snapshot_date',snapshot_date)
  __dataclass_builtins_object__.__setattr__(self,'releases',releases)
  __dataclass_builtins_object__.__setattr__(self,'_by_version',_dflt__by_version() if _by_version is _HAS_DEFAULT_FACTORY else _by_version)
  __dataclass_builtins_object__.__setattr__(self,'_final',_dflt__final() if _final is _HAS_DEFAULT_FACTORY else _final)
  __dataclass_builtins_object__.__setattr__(self,'_final_sorted',_dflt__final_sorted() if _final_sorted is _HAS_DEFAULT_FACTORY else _final_sorted)
 return __init__


_80 = __create_fn__


def __create_fn__(_type_project, _type_selected, _type_environment, _type_request, _type_config, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, project:_type_project, selected:_type_selected, environment:_type_environment, request:_type_request, config:_type_config) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'project',project)
  __dataclass_builtins_object__.__setattr__(self,'selected',selected)
  __dataclass_builtins_object__.__setattr__(self,'environment',environment)
  __dataclass_builtins_object__.__setattr__(self,'request',request)
  __dataclass_builtins_object__.__setattr__(self,'config',config)
 return __init__


_81 = __create_fn__


def __create_fn__(_type_projects, _type_read, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, projects:_type_projects, read:_type_read) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'projects',projects)
  __dataclass_builtins_object__.__setattr__(self,'read',read)
 return __init__


_82 = __create_fn__


def __create_fn__(_type_projects, _type_snapshot_date, _type_today, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, projects:_type_projects, snapshot_date:_type_snapshot_date, today:_type_today) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'projects',projects)
  __dataclass_builtins_object__.__setattr__(self,'snapshot_date',snapshot_date)
  __dataclass_builtins_object__.__setattr__(self,'today',today)
 return __init__


_83 = __create_fn__


def __create_fn__(_type_python, _type_musl, _type_aws_lambda, _type_python_image, _type_windows, _type_arch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_windows, _dflt_arch):
 def __init__(self, python:_type_python, musl:_type_musl, aws_lambda:_type_aws_lambda, python_image:_type_python_image, windows:_type_windows=_dflt_windows, arch:_type_arch=_dflt_arch) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'python',python)
  __dataclass_builtins_object__.__setattr__(self,'musl',musl)
  __dataclass_builtins_object__.__setattr__(self,'aws_lambda',aws_lambda)
  __dataclass_builtins_object__.__setattr__(self,'python_image',python_image)
  __dataclass_builtins_object__.__setattr__(self,'windows',windows)
  __dataclass_builtins_object__.__setattr__(self,'arch',arch)
 return __init__


_84 = __create_fn__


def __create_fn__(_type_python_spec, _type_python_source, _type_python_versions, _type_platforms, _type_ddtrace, _type_requested, _type_capabilities, _type_recommendation, _type_integrations, _type_findings, _type_snapshot_date, _type_files, _type_today, _type_deployment, _type_deployment_source, _type_environment, _type_ignored, _type_python_origins, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_deployment, _dflt_deployment_source, _dflt_environment, _dflt_ignored, _dflt_python_origins, _dflt_deployments):
 def __init__(self, python_spec:_type_python_spec, python_source:_type_python_source, python_versions:_type_python_versions, platforms:_type_platforms, ddtrace:_type_ddtrace, requested:_type_requested, capabilities:_type_capabilities, recommendation:_type_recommendation, integrations:_type_integrations, findings:_type_findings, snapshot_date:_type_snapshot_date, files:_type_files, today:_type_today, deployment:_type_deployment=_dflt_deployment, deployment_source:_type_deployment_source=_dflt_deployment_source, environment:_type_environment=_HAS_DEFAULT_FACTORY, ignored:_type_ignored=_dflt_ignored, python_origins:_type_python_origins=_dflt_python_origins, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'python_spec',python_spec)
  __dataclass_builtins_object__.__setattr__(self,'python_source',python_source)
  __dataclass_builtins_object__.__setattr__(self,'python_versions',python_versions)
  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)
  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)
  __dataclass_builtins_object__.__setattr__(self,'requested',requested)
  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)
  __dataclass_builtins_object__.__setattr__(self,'recommendation',recommendation)
  __dataclass_builtins_object__.__setattr__(self,'integrations',integrations)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'snapshot_date',snapshot_date)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'today',today)
  __dataclass_builtins_object__.__setattr__(self,'deployment',deployment)
  __dataclass_builtins_object__.__setattr__(self,'deployment_source',deployment_source)
  __dataclass_builtins_object__.__setattr__(self,'environment',_dflt_environment() if environment is _HAS_DEFAULT_FACTORY else environment)
  __dataclass_builtins_object__.__setattr__(self,'ignored',ignored)
  __dataclass_builtins_object__.__setattr__(self,'python_origins',python_origins)
  __dataclass_builtins_object__.__setattr__(self,'deployments',deployments)
 return __init__


_85 = __create_fn__


def __create_fn__(_type_reason, _type_hint, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_hint):
 def __init__(self, reason:_type_reason, hint:_type_hint=_dflt_hint) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
  __dataclass_builtins_object__.__setattr__(self,'hint',hint)
 return __init__


_86 = __create_fn__


def __create_fn__(_type_report, _type_advised, _type_read, _type_configs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_read, _dflt_configs):
 def __init__(self, report:_type_report, advised:_type_advised, read:_type_read=_dflt_read, configs:_type_configs=_dflt_configs) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'report',report)
  __dataclass_builtins_object__.__setattr__(self,'advised',advised)
  __dataclass_builtins_object__.__setattr__(self,'read',read)
  __dataclass_builtins_object__.__setattr__(self,'configs',configs)
 return __init__


_87 = __create_fn__


def __create_fn__(_type_root, _type_files, _type_advice, _type_python_spec, _type_python_source, _type_environment, _type_findings, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_python_spec, _dflt_python_source, _dflt_environment, _dflt_findings, _dflt_deployments):
 def __init__(self, root:_type_root, files:_type_files, advice:_type_advice, python_spec:_type_python_spec=_dflt_python_spec, python_source:_type_python_source=_dflt_python_source, environment:_type_environment=_HAS_DEFAULT_FACTORY, findings:_type_findings=_dflt_findings, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'files',files)
  __dataclass_builtins_object__.__setattr__(self,'advice',advice)
  __dataclass_builtins_object__.__setattr__(self,'python_spec',python_spec)
  __dataclass_builtins_object__.__setattr__(self,'python_source',python_source)
  __dataclass_builtins_object__.__setattr__(self,'environment',_dflt_environment() if environment is _HAS_DEFAULT_FACTORY else environment)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'deployments',deployments)
 return __init__


_88 = __create_fn__


def __create_fn__(_type_root, _type_folder, _type_project, _type_top, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_top):
 def __init__(self, root:_type_root, folder:_type_folder, project:_type_project, top:_type_top=_dflt_top) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'folder',folder)
  __dataclass_builtins_object__.__setattr__(self,'project',project)
  __dataclass_builtins_object__.__setattr__(self,'top',top)
 return __init__


_89 = __create_fn__


def __create_fn__(_type_root, _type_repository, _type_trusted, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_repository, _dflt_trusted):
 def __init__(self, root:_type_root, repository:_type_repository=_dflt_repository, trusted:_type_trusted=_dflt_trusted) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'root',root)
  __dataclass_builtins_object__.__setattr__(self,'repository',repository)
  __dataclass_builtins_object__.__setattr__(self,'trusted',trusted)
 return __init__


_90 = __create_fn__


def __create_fn__(_type_roots, _type_edges, _type_groups, _type_members, _type_root_groups, _type_partial, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_members, _dflt_root_groups, _dflt_partial):
 def __init__(self, roots:_type_roots, edges:_type_edges, groups:_type_groups, members:_type_members=_HAS_DEFAULT_FACTORY, root_groups:_type_root_groups=_HAS_DEFAULT_FACTORY, partial:_type_partial=_dflt_partial) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'roots',roots)
  __dataclass_builtins_object__.__setattr__(self,'edges',edges)
  __dataclass_builtins_object__.__setattr__(self,'groups',groups)
  __dataclass_builtins_object__.__setattr__(self,'members',_dflt_members() if members is _HAS_DEFAULT_FACTORY else members)
  __dataclass_builtins_object__.__setattr__(self,'root_groups',_dflt_root_groups() if root_groups is _HAS_DEFAULT_FACTORY else root_groups)
  __dataclass_builtins_object__.__setattr__(self,'partial',partial)
 return __init__


_91 = __create_fn__


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


_92 = __create_fn__


def __create_fn__(_type_sarif, _type_subject, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_subject, _dflt_kind):
 def __init__(self, sarif:_type_sarif, subject:_type_subject=_dflt_subject, kind:_type_kind=_dflt_kind) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'sarif',sarif)
  __dataclass_builtins_object__.__setattr__(self,'subject',subject)
  __dataclass_builtins_object__.__setattr__(self,'kind',kind)
 return __init__


_93 = __create_fn__


def __create_fn__(_type_serves, _type_somewhere, _type_smallest, _type_narrowed, _type_unserved, _type_skipped, _type_statuses, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_serves, _dflt_somewhere, _dflt_smallest, _dflt_narrowed, _dflt_unserved, _dflt_skipped, _dflt_statuses):
 def __init__(self, serves:_type_serves=_HAS_DEFAULT_FACTORY, somewhere:_type_somewhere=_HAS_DEFAULT_FACTORY, smallest:_type_smallest=_HAS_DEFAULT_FACTORY, narrowed:_type_narrowed=_HAS_DEFAULT_FACTORY, unserved:_type_unserved=_HAS_DEFAULT_FACTORY, skipped:_type_skipped=_HAS_DEFAULT_FACTORY, statuses:_type_statuses=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  self.serves=_dflt_serves() if serves is _HAS_DEFAULT_FACTORY else serves
  self.somewhere=_dflt_somewhere() if somewhere is _HAS_DEFAULT_FACTORY else somewhere
  self.smallest=_dflt_smallest() if smallest is _HAS_DEFAULT_FACTORY else smallest
  self.narrowed=_dflt_narrowed() if narrowed is _HAS_DEFAULT_FACTORY else narrowed
  self.unserved=_dflt_unserved() if unserved is _HAS_DEFAULT_FACTORY else unserved
  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped
  self.statuses=_dflt_statuses() if statuses is _HAS_DEFAULT_FACTORY else statuses
 return __init__


_94 = __create_fn__


def __create_fn__(_type_since, _type_spec, _type_distributions, _type_listed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_listed):
 def __init__(self, since:_type_since, spec:_type_spec, distributions:_type_distributions, listed:_type_listed=_dflt_listed) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'since',since)
  __dataclass_builtins_object__.__setattr__(self,'spec',spec)
  __dataclass_builtins_object__.__setattr__(self,'distributions',distributions)
  __dataclass_builtins_object__.__setattr__(self,'listed',listed)
 return __init__


_95 = __create_fn__


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


_96 = __create_fn__


def __create_fn__(_type_snapshot, _type_index_url, _type_extra_index_urls, _type_cache_dir, _type_no_cache, _type_timeout, _type_deadline, _type_trust_files, _type_allow_outside, _type_progress, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_snapshot, _dflt_index_url, _dflt_extra_index_urls, _dflt_cache_dir, _dflt_no_cache, _dflt_timeout, _dflt_deadline, _dflt_trust_files, _dflt_allow_outside, _dflt_progress):
 def __init__(self, snapshot:_type_snapshot=_dflt_snapshot, index_url:_type_index_url=_dflt_index_url, extra_index_urls:_type_extra_index_urls=_dflt_extra_index_urls, cache_dir:_type_cache_dir=_dflt_cache_dir, no_cache:_type_no_cache=_dflt_no_cache, timeout:_type_timeout=_dflt_timeout, deadline:_type_deadline=_dflt_deadline, trust_files:_type_trust_files=_dflt_trust_files, allow_outside:_type_allow_outside=_dflt_allow_outside, progress:_type_progress=_dflt_progress) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'snapshot',snapshot)
  __dataclass_builtins_object__.__setattr__(self,'index_url',index_url)
  __dataclass_builtins_object__.__setattr__(self,'extra_index_urls',extra_index_urls)
  __dataclass_builtins_object__.__setattr__(self,'cache_dir',cache_dir)
  __dataclass_builtins_object__.__setattr__(self,'no_cache',no_cache)
  __dataclass_builtins_object__.__setattr__(self,'timeout',timeout)
  __dataclass_builtins_object__.__setattr__(self,'deadline',deadline)
  __dataclass_builtins_object__.__setattr__(self,'trust_files',trust_files)
  __dataclass_builtins_object__.__setattr__(self,'allow_outside',allow_outside)
  __dataclass_builtins_object__.__setattr__(self,'progress',progress)
 return __init__


_97 = __create_fn__


def __create_fn__(_type_spec, _type_marker, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, spec:_type_spec, marker:_type_marker, version:_type_version) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'spec',spec)
  __dataclass_builtins_object__.__setattr__(self,'marker',marker)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
 return __init__


_98 = __create_fn__


def __create_fn__(_type_spec, _type_source, _type_versions, _type_findings, _type_origins, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_findings, _dflt_origins):
 def __init__(self, spec:_type_spec, source:_type_source, versions:_type_versions, findings:_type_findings=_dflt_findings, origins:_type_origins=_dflt_origins) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'spec',spec)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'versions',versions)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'origins',origins)
 return __init__


_99 = __create_fn__


def __create_fn__(_type_spec, _type_source, _type_weak, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_weak):
 def __init__(self, spec:_type_spec, source:_type_source, weak:_type_weak=_dflt_weak) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'spec',spec)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
  __dataclass_builtins_object__.__setattr__(self,'weak',weak)
 return __init__


_100 = __create_fn__


def __create_fn__(_type_spec, _type_support, _type_ends, _type_agent_min, _type_label, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_label):
 def __init__(self, spec:_type_spec, support:_type_support, ends:_type_ends, agent_min:_type_agent_min, label:_type_label=_dflt_label) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'spec',spec)
  __dataclass_builtins_object__.__setattr__(self,'support',support)
  __dataclass_builtins_object__.__setattr__(self,'ends',ends)
  __dataclass_builtins_object__.__setattr__(self,'agent_min',agent_min)
  __dataclass_builtins_object__.__setattr__(self,'label',label)
 return __init__


_101 = __create_fn__


def __create_fn__(_type_spec, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, spec:_type_spec, version:_type_version) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'spec',spec)
  __dataclass_builtins_object__.__setattr__(self,'version',version)
 return __init__


_102 = __create_fn__


def __create_fn__(_type_split, _type_changes, _type_per_python, _type_floor, _type_floor_reasons, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_floor, _dflt_floor_reasons):
 def __init__(self, split:_type_split, changes:_type_changes, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'split',split)
  __dataclass_builtins_object__.__setattr__(self,'changes',changes)
  __dataclass_builtins_object__.__setattr__(self,'per_python',per_python)
  __dataclass_builtins_object__.__setattr__(self,'floor',floor)
  __dataclass_builtins_object__.__setattr__(self,'floor_reasons',floor_reasons)
 return __init__


_103 = __create_fn__


def __create_fn__(_type_start, _type_lines, _type_body, _type_span, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, start:_type_start, lines:_type_lines, body:_type_body, span:_type_span) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'lines',lines)
  __dataclass_builtins_object__.__setattr__(self,'body',body)
  __dataclass_builtins_object__.__setattr__(self,'span',span)
 return __init__


_104 = __create_fn__


def __create_fn__(_type_start, _type_lines, _type_end, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_end):
 def __init__(self, start:_type_start, lines:_type_lines, end:_type_end=_dflt_end) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'start',start)
  __dataclass_builtins_object__.__setattr__(self,'lines',lines)
  __dataclass_builtins_object__.__setattr__(self,'end',end)
 return __init__


_105 = __create_fn__


def __create_fn__(_type_tag, _type_low, _type_high, _type_distributions, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, tag:_type_tag, low:_type_low, high:_type_high, distributions:_type_distributions) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'tag',tag)
  __dataclass_builtins_object__.__setattr__(self,'low',low)
  __dataclass_builtins_object__.__setattr__(self,'high',high)
  __dataclass_builtins_object__.__setattr__(self,'distributions',distributions)
 return __init__


_106 = __create_fn__


def __create_fn__(_type_target, _type_changes, _type_blockers, _type_tried, _type_findings, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_unresolved):
 def __init__(self, target:_type_target, changes:_type_changes, blockers:_type_blockers, tried:_type_tried, findings:_type_findings, unresolved:_type_unresolved=_dflt_unresolved) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'target',target)
  __dataclass_builtins_object__.__setattr__(self,'changes',changes)
  __dataclass_builtins_object__.__setattr__(self,'blockers',blockers)
  __dataclass_builtins_object__.__setattr__(self,'tried',tried)
  __dataclass_builtins_object__.__setattr__(self,'findings',findings)
  __dataclass_builtins_object__.__setattr__(self,'unresolved',unresolved)
 return __init__


_107 = __create_fn__


def __create_fn__(_type_text, _type_data, _type_packages, _type_lines, _type_out, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, text:_type_text, data:_type_data, packages:_type_packages, lines:_type_lines, out:_type_out) -> __dataclass_return_type__:
  self.text=text
  self.data=data
  self.packages=packages
  self.lines=lines
  self.out=out
 return __init__


_108 = __create_fn__


def __create_fn__(_type_text, _type_encoding, _type_bom, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, text:_type_text, encoding:_type_encoding, bom:_type_bom) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'encoding',encoding)
  __dataclass_builtins_object__.__setattr__(self,'bom',bom)
 return __init__


_109 = __create_fn__


def __create_fn__(_type_text, _type_start, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, text:_type_text, start:_type_start) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'start',start)
 return __init__


_110 = __create_fn__


def __create_fn__(_type_text, _type_starts, _type_lines, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, text:_type_text, starts:_type_starts, lines:_type_lines) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'text',text)
  __dataclass_builtins_object__.__setattr__(self,'starts',starts)
  __dataclass_builtins_object__.__setattr__(self,'lines',lines)
 return __init__


_111 = __create_fn__


def __create_fn__(_type_tool, _type_command, _type_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, tool:_type_tool, command:_type_command, python:_type_python) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'tool',tool)
  __dataclass_builtins_object__.__setattr__(self,'command',command)
  __dataclass_builtins_object__.__setattr__(self,'python',python)
 return __init__


_112 = __create_fn__


def __create_fn__(_type_topic, _type_sources, _type_follows, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, topic:_type_topic, sources:_type_sources, follows:_type_follows) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'topic',topic)
  __dataclass_builtins_object__.__setattr__(self,'sources',sources)
  __dataclass_builtins_object__.__setattr__(self,'follows',follows)
 return __init__


_113 = __create_fn__


def __create_fn__(_type_url, _type_written, _type_expanded, _type_prefix, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_expanded, _dflt_prefix):
 def __init__(self, url:_type_url, written:_type_written, expanded:_type_expanded=_dflt_expanded, prefix:_type_prefix=_dflt_prefix) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'url',url)
  __dataclass_builtins_object__.__setattr__(self,'written',written)
  __dataclass_builtins_object__.__setattr__(self,'expanded',expanded)
  __dataclass_builtins_object__.__setattr__(self,'prefix',prefix)
 return __init__


_114 = __create_fn__


def __create_fn__(_type_verbosity, _type_style, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_verbosity, _dflt_style):
 def __init__(self, verbosity:_type_verbosity=_dflt_verbosity, style:_type_style=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'verbosity',verbosity)
  __dataclass_builtins_object__.__setattr__(self,'style',_dflt_style() if style is _HAS_DEFAULT_FACTORY else style)
 return __init__


_115 = __create_fn__


def __create_fn__(_type_version, _type_marker, _type_pythons, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, version:_type_version, marker:_type_marker, pythons:_type_pythons) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'marker',marker)
  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)
 return __init__


_116 = __create_fn__


def __create_fn__(_type_version, _type_marker, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, version:_type_version, marker:_type_marker, source:_type_source) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'marker',marker)
  __dataclass_builtins_object__.__setattr__(self,'source',source)
 return __init__


_117 = __create_fn__


def __create_fn__(_type_version, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, version:_type_version, reason:_type_reason) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'reason',reason)
 return __init__


_118 = __create_fn__


def __create_fn__(_type_version, _type_released, _type_end_of_life, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, version:_type_version, released:_type_released, end_of_life:_type_end_of_life) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'released',released)
  __dataclass_builtins_object__.__setattr__(self,'end_of_life',end_of_life)
 return __init__


_119 = __create_fn__


def __create_fn__(_type_version, _type_requires_python, _type_yanked, _type_yanked_reason, _type_upload_time, _type_sdist, _type_wheels, _type_requires_dist, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, version:_type_version, requires_python:_type_requires_python, yanked:_type_yanked, yanked_reason:_type_yanked_reason, upload_time:_type_upload_time, sdist:_type_sdist, wheels:_type_wheels, requires_dist:_type_requires_dist) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'version',version)
  __dataclass_builtins_object__.__setattr__(self,'requires_python',requires_python)
  __dataclass_builtins_object__.__setattr__(self,'yanked',yanked)
  __dataclass_builtins_object__.__setattr__(self,'yanked_reason',yanked_reason)
  __dataclass_builtins_object__.__setattr__(self,'upload_time',upload_time)
  __dataclass_builtins_object__.__setattr__(self,'sdist',sdist)
  __dataclass_builtins_object__.__setattr__(self,'wheels',wheels)
  __dataclass_builtins_object__.__setattr__(self,'requires_dist',requires_dist)
 return __init__


_120 = __create_fn__


def __create_fn__(_type_versions, _type_unknown_metadata, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, versions:_type_versions, unknown_metadata:_type_unknown_metadata) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'versions',versions)
  __dataclass_builtins_object__.__setattr__(self,'unknown_metadata',unknown_metadata)
 return __init__


_121 = __create_fn__


def __create_fn__(_type_wants, _type_pythons, _type_appearing, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_appearing):
 def __init__(self, wants:_type_wants, pythons:_type_pythons, appearing:_type_appearing=_dflt_appearing) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'wants',wants)
  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)
  __dataclass_builtins_object__.__setattr__(self,'appearing',appearing)
 return __init__


_122 = __create_fn__


def __create_fn__(_type_written, _type_resolved, _type_missing, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):
 def __init__(self, written:_type_written, resolved:_type_resolved, missing:_type_missing, line:_type_line) -> __dataclass_return_type__:
  __dataclass_builtins_object__.__setattr__(self,'written',written)
  __dataclass_builtins_object__.__setattr__(self,'resolved',resolved)
  __dataclass_builtins_object__.__setattr__(self,'missing',missing)
  __dataclass_builtins_object__.__setattr__(self,'line',line)
 return __init__


_123 = __create_fn__


BY_TEXT = {
    'def __create_fn__(MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self) -> __dataclass_return_type__:\n  pass\n return __init__': _0,
    "def __create_fn__(_type_argv, _type_cwd, _type_file, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, argv:_type_argv, cwd:_type_cwd, file:_type_file, reason:_type_reason) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'argv',argv)\n  __dataclass_builtins_object__.__setattr__(self,'cwd',cwd)\n  __dataclass_builtins_object__.__setattr__(self,'file',file)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__": _1,
    "def __create_fn__(_type_arms, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, arms:_type_arms) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'arms',arms)\n return __init__": _2,
    "def __create_fn__(_type_blockers, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, blockers:_type_blockers) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'blockers',blockers)\n return __init__": _3,
    "def __create_fn__(_type_body, _type_shell, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, body:_type_body, shell:_type_shell) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'body',body)\n  __dataclass_builtins_object__.__setattr__(self,'shell',shell)\n return __init__": _4,
    "def __create_fn__(_type_capabilities, _type_platforms, _type_python, _type_deployment, _type_groups, _type_all_groups, _type_today, _type_offline, _type_resolve_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_capabilities, _dflt_platforms, _dflt_python, _dflt_deployment, _dflt_groups, _dflt_all_groups, _dflt_today, _dflt_offline, _dflt_resolve_budget):\n def __init__(self, capabilities:_type_capabilities=_dflt_capabilities, platforms:_type_platforms=_dflt_platforms, python:_type_python=_dflt_python, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, all_groups:_type_all_groups=_dflt_all_groups, today:_type_today=_HAS_DEFAULT_FACTORY, offline:_type_offline=_dflt_offline, resolve_budget:_type_resolve_budget=_dflt_resolve_budget) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'deployment',deployment)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'all_groups',all_groups)\n  __dataclass_builtins_object__.__setattr__(self,'today',_dflt_today() if today is _HAS_DEFAULT_FACTORY else today)\n  __dataclass_builtins_object__.__setattr__(self,'offline',offline)\n  __dataclass_builtins_object__.__setattr__(self,'resolve_budget',resolve_budget)\n return __init__": _5,
    "def __create_fn__(_type_capabilities, _type_python, _type_platforms, _type_today, _type_offline, _type_deployment, _type_groups, _type_all_groups, _type_resolve_budget, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_capabilities, _dflt_python, _dflt_platforms, _dflt_today, _dflt_offline, _dflt_deployment, _dflt_groups, _dflt_all_groups, _dflt_resolve_budget):\n def __init__(self, capabilities:_type_capabilities=_dflt_capabilities, python:_type_python=_dflt_python, platforms:_type_platforms=_dflt_platforms, today:_type_today=_HAS_DEFAULT_FACTORY, offline:_type_offline=_dflt_offline, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, all_groups:_type_all_groups=_dflt_all_groups, resolve_budget:_type_resolve_budget=_dflt_resolve_budget) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n  __dataclass_builtins_object__.__setattr__(self,'today',_dflt_today() if today is _HAS_DEFAULT_FACTORY else today)\n  __dataclass_builtins_object__.__setattr__(self,'offline',offline)\n  __dataclass_builtins_object__.__setattr__(self,'deployment',deployment)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'all_groups',all_groups)\n  __dataclass_builtins_object__.__setattr__(self,'resolve_budget',resolve_budget)\n return __init__": _6,
    "def __create_fn__(_type_capability, _type_min_version, _type_what, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, capability:_type_capability, min_version:_type_min_version, what:_type_what, source:_type_source) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'capability',capability)\n  __dataclass_builtins_object__.__setattr__(self,'min_version',min_version)\n  __dataclass_builtins_object__.__setattr__(self,'what',what)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__": _7,
    "def __create_fn__(_type_capability, _type_name, _type_where, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, capability:_type_capability, name:_type_name, where:_type_where, reason:_type_reason) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'capability',capability)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'where',where)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__": _8,
    "def __create_fn__(_type_capability, _type_text, _type_source, _type_min_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_min_version):\n def __init__(self, capability:_type_capability, text:_type_text, source:_type_source, min_version:_type_min_version=_dflt_min_version) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'capability',capability)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'min_version',min_version)\n return __init__": _9,
    "def __create_fn__(_type_client, _type_timeout, _type_deadline, _type_auth, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, client:_type_client, timeout:_type_timeout, deadline:_type_deadline, auth:_type_auth) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'client',client)\n  __dataclass_builtins_object__.__setattr__(self,'timeout',timeout)\n  __dataclass_builtins_object__.__setattr__(self,'deadline',deadline)\n  __dataclass_builtins_object__.__setattr__(self,'auth',auth)\n return __init__": _10,
    "def __create_fn__(_type_colour, _type_symbols, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_colour, _dflt_symbols):\n def __init__(self, colour:_type_colour=_dflt_colour, symbols:_type_symbols=_dflt_symbols) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'colour',colour)\n  __dataclass_builtins_object__.__setattr__(self,'symbols',symbols)\n return __init__": _11,
    "def __create_fn__(_type_current, _type_specifier, _type_locked, _type_source, _type_url, _type_parsed_current, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_url, _dflt_parsed_current):\n def __init__(self, current:_type_current, specifier:_type_specifier, locked:_type_locked, source:_type_source, url:_type_url=_dflt_url, parsed_current:_type_parsed_current=_dflt_parsed_current) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'current',current)\n  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)\n  __dataclass_builtins_object__.__setattr__(self,'locked',locked)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'url',url)\n  __dataclass_builtins_object__.__setattr__(self,'parsed_current',parsed_current)\n return __init__": _12,
    "def __create_fn__(_type_ddtrace, _type_changes, _type_per_python, _type_floor, _type_floor_reasons, _type_tried, _type_resolved, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_floor, _dflt_floor_reasons, _dflt_tried, _dflt_resolved, _dflt_skipped):\n def __init__(self, ddtrace:_type_ddtrace, changes:_type_changes, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, tried:_type_tried=_dflt_tried, resolved:_type_resolved=_dflt_resolved, skipped:_type_skipped=_dflt_skipped) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'changes',changes)\n  __dataclass_builtins_object__.__setattr__(self,'per_python',per_python)\n  __dataclass_builtins_object__.__setattr__(self,'floor',floor)\n  __dataclass_builtins_object__.__setattr__(self,'floor_reasons',floor_reasons)\n  __dataclass_builtins_object__.__setattr__(self,'tried',tried)\n  __dataclass_builtins_object__.__setattr__(self,'resolved',resolved)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n return __init__": _13,
    "def __create_fn__(_type_ddtrace, _type_finding, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, ddtrace:_type_ddtrace, finding:_type_finding) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'finding',finding)\n return __init__": _14,
    "def __create_fn__(_type_ddtrace, _type_per_python, _type_floor, _type_floor_reasons, _type_suggestions, _type_by_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_floor, _dflt_floor_reasons, _dflt_suggestions, _dflt_by_python):\n def __init__(self, ddtrace:_type_ddtrace, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, suggestions:_type_suggestions=_dflt_suggestions, by_python:_type_by_python=_dflt_by_python) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'per_python',per_python)\n  __dataclass_builtins_object__.__setattr__(self,'floor',floor)\n  __dataclass_builtins_object__.__setattr__(self,'floor_reasons',floor_reasons)\n  __dataclass_builtins_object__.__setattr__(self,'suggestions',suggestions)\n  __dataclass_builtins_object__.__setattr__(self,'by_python',by_python)\n return __init__": _15,
    "def __create_fn__(_type_ddtrace, _type_python, _type_platforms, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, ddtrace:_type_ddtrace, python:_type_python, platforms:_type_platforms) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n return __init__": _16,
    "def __create_fn__(_type_ddtrace, _type_python, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, ddtrace:_type_ddtrace, python:_type_python, source:_type_source) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__": _17,
    "def __create_fn__(_type_detect, _type_never, _type_appsec_off, _type_appsec_off_reason, _type_floors, _type_notes, _type_source, _type_notes_off, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_notes_off):\n def __init__(self, detect:_type_detect, never:_type_never, appsec_off:_type_appsec_off, appsec_off_reason:_type_appsec_off_reason, floors:_type_floors, notes:_type_notes, source:_type_source, notes_off:_type_notes_off=_dflt_notes_off) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'detect',detect)\n  __dataclass_builtins_object__.__setattr__(self,'never',never)\n  __dataclass_builtins_object__.__setattr__(self,'appsec_off',appsec_off)\n  __dataclass_builtins_object__.__setattr__(self,'appsec_off_reason',appsec_off_reason)\n  __dataclass_builtins_object__.__setattr__(self,'floors',floors)\n  __dataclass_builtins_object__.__setattr__(self,'notes',notes)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'notes_off',notes_off)\n return __init__": _18,
    "def __create_fn__(_type_docs_url, _type_docs_follows, _type_waf_missing_on, _type_waf_reason, _type_capabilities, _type_features, _type_integrations, _type_branches, _type_runtimes, _type_notes, _type_disagreements, _type_pythons, _type_aws_lambda, _type_platform_minimums, _type_request_capabilities, _type_constrainers, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_platform_minimums, _dflt_request_capabilities, _dflt_constrainers):\n def __init__(self, docs_url:_type_docs_url, docs_follows:_type_docs_follows, waf_missing_on:_type_waf_missing_on, waf_reason:_type_waf_reason, capabilities:_type_capabilities, features:_type_features, integrations:_type_integrations, branches:_type_branches, runtimes:_type_runtimes, notes:_type_notes, disagreements:_type_disagreements, pythons:_type_pythons, aws_lambda:_type_aws_lambda, platform_minimums:_type_platform_minimums=_dflt_platform_minimums, request_capabilities:_type_request_capabilities=_dflt_request_capabilities, constrainers:_type_constrainers=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'docs_url',docs_url)\n  __dataclass_builtins_object__.__setattr__(self,'docs_follows',docs_follows)\n  __dataclass_builtins_object__.__setattr__(self,'waf_missing_on',waf_missing_on)\n  __dataclass_builtins_object__.__setattr__(self,'waf_reason',waf_reason)\n  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'features',features)\n  __dataclass_builtins_object__.__setattr__(self,'integrations',integrations)\n  __dataclass_builtins_object__.__setattr__(self,'branches',branches)\n  __dataclass_builtins_object__.__setattr__(self,'runtimes',runtimes)\n  __dataclass_builtins_object__.__setattr__(self,'notes',notes)\n  __dataclass_builtins_object__.__setattr__(self,'disagreements',disagreements)\n  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)\n  __dataclass_builtins_object__.__setattr__(self,'aws_lambda',aws_lambda)\n  __dataclass_builtins_object__.__setattr__(self,'platform_minimums',platform_minimums)\n  __dataclass_builtins_object__.__setattr__(self,'request_capabilities',request_capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'constrainers',_dflt_constrainers() if constrainers is _HAS_DEFAULT_FACTORY else constrainers)\n return __init__": _19,
    "def __create_fn__(_type_edit, _type_body, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, edit:_type_edit, body:_type_body) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'edit',edit)\n  __dataclass_builtins_object__.__setattr__(self,'body',body)\n return __init__": _20,
    "def __create_fn__(_type_edited, _type_ran, _type_left, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_edited, _dflt_ran, _dflt_left):\n def __init__(self, edited:_type_edited=_dflt_edited, ran:_type_ran=_dflt_ran, left:_type_left=_dflt_left) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'edited',edited)\n  __dataclass_builtins_object__.__setattr__(self,'ran',ran)\n  __dataclass_builtins_object__.__setattr__(self,'left',left)\n return __init__": _21,
    "def __create_fn__(_type_enabled, _type_asm_line, _type_layer, _type_layer_value, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_enabled, _dflt_asm_line, _dflt_layer, _dflt_layer_value):\n def __init__(self, enabled:_type_enabled=_dflt_enabled, asm_line:_type_asm_line=_dflt_asm_line, layer:_type_layer=_dflt_layer, layer_value:_type_layer_value=_dflt_layer_value) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'enabled',enabled)\n  __dataclass_builtins_object__.__setattr__(self,'asm_line',asm_line)\n  __dataclass_builtins_object__.__setattr__(self,'layer',layer)\n  __dataclass_builtins_object__.__setattr__(self,'layer_value',layer_value)\n return __init__": _22,
    "def __create_fn__(_type_file, _type_by, _type_capabilities, _type_platforms, _type_python, _type_deployment, _type_groups, _type_ignore, _type_table, _type_from_file, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_file, _dflt_by, _dflt_capabilities, _dflt_platforms, _dflt_python, _dflt_deployment, _dflt_groups, _dflt_ignore, _dflt_table, _dflt_from_file):\n def __init__(self, file:_type_file=_dflt_file, by:_type_by=_dflt_by, capabilities:_type_capabilities=_dflt_capabilities, platforms:_type_platforms=_dflt_platforms, python:_type_python=_dflt_python, deployment:_type_deployment=_dflt_deployment, groups:_type_groups=_dflt_groups, ignore:_type_ignore=_dflt_ignore, table:_type_table=_dflt_table, from_file:_type_from_file=_dflt_from_file) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'file',file)\n  __dataclass_builtins_object__.__setattr__(self,'by',by)\n  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'deployment',deployment)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'ignore',ignore)\n  __dataclass_builtins_object__.__setattr__(self,'table',table)\n  __dataclass_builtins_object__.__setattr__(self,'from_file',from_file)\n return __init__": _23,
    "def __create_fn__(_type_file, _type_line, _type_key, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_line, _dflt_key):\n def __init__(self, file:_type_file, line:_type_line=_dflt_line, key:_type_key=_dflt_key) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'file',file)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'key',key)\n return __init__": _24,
    "def __create_fn__(_type_filename, _type_patch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, filename:_type_filename, patch:_type_patch) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'filename',filename)\n  __dataclass_builtins_object__.__setattr__(self,'patch',patch)\n return __init__": _25,
    "def __create_fn__(_type_filename, _type_url, _type_requires_python, _type_yanked, _type_yanked_reason, _type_upload_time, _type_size, _type_hashes, _type_core_metadata, _type_metadata_hash, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_metadata_hash):\n def __init__(self, filename:_type_filename, url:_type_url, requires_python:_type_requires_python, yanked:_type_yanked, yanked_reason:_type_yanked_reason, upload_time:_type_upload_time, size:_type_size, hashes:_type_hashes, core_metadata:_type_core_metadata, metadata_hash:_type_metadata_hash=_dflt_metadata_hash) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'filename',filename)\n  __dataclass_builtins_object__.__setattr__(self,'url',url)\n  __dataclass_builtins_object__.__setattr__(self,'requires_python',requires_python)\n  __dataclass_builtins_object__.__setattr__(self,'yanked',yanked)\n  __dataclass_builtins_object__.__setattr__(self,'yanked_reason',yanked_reason)\n  __dataclass_builtins_object__.__setattr__(self,'upload_time',upload_time)\n  __dataclass_builtins_object__.__setattr__(self,'size',size)\n  __dataclass_builtins_object__.__setattr__(self,'hashes',hashes)\n  __dataclass_builtins_object__.__setattr__(self,'core_metadata',core_metadata)\n  __dataclass_builtins_object__.__setattr__(self,'metadata_hash',metadata_hash)\n return __init__": _26,
    "def __create_fn__(_type_first, _type_last, _type_count, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, first:_type_first, last:_type_last, count:_type_count, reason:_type_reason) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'first',first)\n  __dataclass_builtins_object__.__setattr__(self,'last',last)\n  __dataclass_builtins_object__.__setattr__(self,'count',count)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__": _27,
    "def __create_fn__(_type_groups, _type_excluded, _type_all_groups, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_groups, _dflt_excluded, _dflt_all_groups):\n def __init__(self, groups:_type_groups=_dflt_groups, excluded:_type_excluded=_dflt_excluded, all_groups:_type_all_groups=_dflt_all_groups) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'excluded',excluded)\n  __dataclass_builtins_object__.__setattr__(self,'all_groups',all_groups)\n return __init__": _28,
    "def __create_fn__(_type_how, _type_version, _type_specifier, _type_line, _type_written, _type_layer, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_written, _dflt_layer):\n def __init__(self, how:_type_how, version:_type_version, specifier:_type_specifier, line:_type_line, written:_type_written=_dflt_written, layer:_type_layer=_dflt_layer) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'how',how)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'written',written)\n  __dataclass_builtins_object__.__setattr__(self,'layer',layer)\n return __init__": _29,
    "def __create_fn__(_type_id, _type_applies_to, _type_text, _type_source, _type_ddtrace, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, id:_type_id, applies_to:_type_applies_to, text:_type_text, source:_type_source, ddtrace:_type_ddtrace) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'applies_to',applies_to)\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n return __init__": _30,
    "def __create_fn__(_type_id, _type_body, _type_login, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, id:_type_id, body:_type_body, login:_type_login, type:_type_type) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'body',body)\n  __dataclass_builtins_object__.__setattr__(self,'login',login)\n  __dataclass_builtins_object__.__setattr__(self,'type',type)\n return __init__": _31,
    "def __create_fn__(_type_id, _type_body, _type_login, _type_type, _type_path, _type_line, _type_start_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, id:_type_id, body:_type_body, login:_type_login, type:_type_type, path:_type_path, line:_type_line, start_line:_type_start_line) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'body',body)\n  __dataclass_builtins_object__.__setattr__(self,'login',login)\n  __dataclass_builtins_object__.__setattr__(self,'type',type)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'start_line',start_line)\n return __init__": _32,
    "def __create_fn__(_type_id, _type_name, _type_aliases, _type_supported, _type_min_version, _type_requires_waf, _type_summary, _type_env, _type_python_gates, _type_excluded_platforms, _type_note, _type_history, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, id:_type_id, name:_type_name, aliases:_type_aliases, supported:_type_supported, min_version:_type_min_version, requires_waf:_type_requires_waf, summary:_type_summary, env:_type_env, python_gates:_type_python_gates, excluded_platforms:_type_excluded_platforms, note:_type_note, history:_type_history) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'aliases',aliases)\n  __dataclass_builtins_object__.__setattr__(self,'supported',supported)\n  __dataclass_builtins_object__.__setattr__(self,'min_version',min_version)\n  __dataclass_builtins_object__.__setattr__(self,'requires_waf',requires_waf)\n  __dataclass_builtins_object__.__setattr__(self,'summary',summary)\n  __dataclass_builtins_object__.__setattr__(self,'env',env)\n  __dataclass_builtins_object__.__setattr__(self,'python_gates',python_gates)\n  __dataclass_builtins_object__.__setattr__(self,'excluded_platforms',excluded_platforms)\n  __dataclass_builtins_object__.__setattr__(self,'note',note)\n  __dataclass_builtins_object__.__setattr__(self,'history',history)\n return __init__": _33,
    "def __create_fn__(_type_id, _type_name, _type_capability, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, id:_type_id, name:_type_name, capability:_type_capability) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'capability',capability)\n return __init__": _34,
    "def __create_fn__(_type_id, _type_name, _type_distribution, _type_version, _type_specifier, _type_source, _type_covers, _type_auto_instrumented, _type_unsupported, _type_documented, _type_parsed_version, _type_parsed_specifier, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_documented, _dflt_parsed_version, _dflt_parsed_specifier):\n def __init__(self, id:_type_id, name:_type_name, distribution:_type_distribution, version:_type_version, specifier:_type_specifier, source:_type_source, covers:_type_covers, auto_instrumented:_type_auto_instrumented, unsupported:_type_unsupported, documented:_type_documented=_dflt_documented, parsed_version:_type_parsed_version=_dflt_parsed_version, parsed_specifier:_type_parsed_specifier=_dflt_parsed_specifier) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'distribution',distribution)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'covers',covers)\n  __dataclass_builtins_object__.__setattr__(self,'auto_instrumented',auto_instrumented)\n  __dataclass_builtins_object__.__setattr__(self,'unsupported',unsupported)\n  __dataclass_builtins_object__.__setattr__(self,'documented',documented)\n  __dataclass_builtins_object__.__setattr__(self,'parsed_version',parsed_version)\n  __dataclass_builtins_object__.__setattr__(self,'parsed_specifier',parsed_specifier)\n return __init__": _35,
    "def __create_fn__(_type_id, _type_name, _type_distributions, _type_kind, _type_features, _type_auto_instrumented, _type_floors, _type_env, _type_caveats, _type_declared, _type_tested, _type_unsupported, _type_note, _type_documented, _type_covered_by, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_documented, _dflt_covered_by):\n def __init__(self, id:_type_id, name:_type_name, distributions:_type_distributions, kind:_type_kind, features:_type_features, auto_instrumented:_type_auto_instrumented, floors:_type_floors, env:_type_env, caveats:_type_caveats, declared:_type_declared, tested:_type_tested, unsupported:_type_unsupported, note:_type_note, documented:_type_documented=_dflt_documented, covered_by:_type_covered_by=_dflt_covered_by) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'distributions',distributions)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'features',features)\n  __dataclass_builtins_object__.__setattr__(self,'auto_instrumented',auto_instrumented)\n  __dataclass_builtins_object__.__setattr__(self,'floors',floors)\n  __dataclass_builtins_object__.__setattr__(self,'env',env)\n  __dataclass_builtins_object__.__setattr__(self,'caveats',caveats)\n  __dataclass_builtins_object__.__setattr__(self,'declared',declared)\n  __dataclass_builtins_object__.__setattr__(self,'tested',tested)\n  __dataclass_builtins_object__.__setattr__(self,'unsupported',unsupported)\n  __dataclass_builtins_object__.__setattr__(self,'note',note)\n  __dataclass_builtins_object__.__setattr__(self,'documented',documented)\n  __dataclass_builtins_object__.__setattr__(self,'covered_by',covered_by)\n return __init__": _36,
    "def __create_fn__(_type_id, _type_name, _type_min_version, _type_project_min_version, _type_status, _type_reason, _type_after, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_reason, _dflt_after):\n def __init__(self, id:_type_id, name:_type_name, min_version:_type_min_version, project_min_version:_type_project_min_version, status:_type_status, reason:_type_reason=_dflt_reason, after:_type_after=_dflt_after) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'min_version',min_version)\n  __dataclass_builtins_object__.__setattr__(self,'project_min_version',project_min_version)\n  __dataclass_builtins_object__.__setattr__(self,'status',status)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'after',after)\n return __init__": _37,
    "def __create_fn__(_type_id, _type_platforms, _type_since, _type_needs, _type_left_behind, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, id:_type_id, platforms:_type_platforms, since:_type_since, needs:_type_needs, left_behind:_type_left_behind, source:_type_source) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n  __dataclass_builtins_object__.__setattr__(self,'since',since)\n  __dataclass_builtins_object__.__setattr__(self,'needs',needs)\n  __dataclass_builtins_object__.__setattr__(self,'left_behind',left_behind)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__": _38,
    "def __create_fn__(_type_id, _type_reason, _type_until, _type_count, _type_by, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, id:_type_id, reason:_type_reason, until:_type_until, count:_type_count, by:_type_by, source:_type_source) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'until',until)\n  __dataclass_builtins_object__.__setattr__(self,'count',count)\n  __dataclass_builtins_object__.__setattr__(self,'by',by)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__": _39,
    "def __create_fn__(_type_id, _type_reason, _type_until, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, id:_type_id, reason:_type_reason, until:_type_until, source:_type_source) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'until',until)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__": _40,
    "def __create_fn__(_type_id, _type_severity, _type_message, _type_location, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_location):\n def __init__(self, id:_type_id, severity:_type_severity, message:_type_message, location:_type_location=_dflt_location) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'id',id)\n  __dataclass_builtins_object__.__setattr__(self,'severity',severity)\n  __dataclass_builtins_object__.__setattr__(self,'message',message)\n  __dataclass_builtins_object__.__setattr__(self,'location',location)\n return __init__": _41,
    "def __create_fn__(_type_image, _type_environment, _type_name, _type_value, _type_platform, _type_arch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, image:_type_image, environment:_type_environment, name:_type_name, value:_type_value, platform:_type_platform, arch:_type_arch) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'image',image)\n  __dataclass_builtins_object__.__setattr__(self,'environment',environment)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'platform',platform)\n  __dataclass_builtins_object__.__setattr__(self,'arch',arch)\n return __init__": _42,
    'def __create_fn__(_type_index, _type_line, _type_name, _type_written, _type_image, _type_unresolved, _type_platform, _type_parent, _type_env, _type_environment, _type_scope, _type_events, _type_cmd, _type_entrypoint, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_env, _dflt_environment, _dflt_scope, _dflt_events, _dflt_cmd, _dflt_entrypoint):\n def __init__(self, index:_type_index, line:_type_line, name:_type_name, written:_type_written, image:_type_image, unresolved:_type_unresolved, platform:_type_platform, parent:_type_parent, env:_type_env=_HAS_DEFAULT_FACTORY, environment:_type_environment=_HAS_DEFAULT_FACTORY, scope:_type_scope=_HAS_DEFAULT_FACTORY, events:_type_events=_HAS_DEFAULT_FACTORY, cmd:_type_cmd=_dflt_cmd, entrypoint:_type_entrypoint=_dflt_entrypoint) -> __dataclass_return_type__:\n  self.index=index\n  self.line=line\n  self.name=name\n  self.written=written\n  self.image=image\n  self.unresolved=unresolved\n  self.platform=platform\n  self.parent=parent\n  self.env=_dflt_env() if env is _HAS_DEFAULT_FACTORY else env\n  self.environment=_dflt_environment() if environment is _HAS_DEFAULT_FACTORY else environment\n  self.scope=_dflt_scope() if scope is _HAS_DEFAULT_FACTORY else scope\n  self.events=_dflt_events() if events is _HAS_DEFAULT_FACTORY else events\n  self.cmd=cmd\n  self.entrypoint=entrypoint\n return __init__': _43,
    "def __create_fn__(_type_indexes, _type_source, _type_skipped, _type_ignored, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_skipped, _dflt_ignored):\n def __init__(self, indexes:_type_indexes, source:_type_source, skipped:_type_skipped=_dflt_skipped, ignored:_type_ignored=_dflt_ignored) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'indexes',indexes)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n  __dataclass_builtins_object__.__setattr__(self,'ignored',ignored)\n return __init__": _44,
    'def __create_fn__(_type_key, _type_shown, _type_base, _type_files, _type_shared, _type_left_out, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_files, _dflt_shared, _dflt_left_out):\n def __init__(self, key:_type_key, shown:_type_shown, base:_type_base, files:_type_files=_HAS_DEFAULT_FACTORY, shared:_type_shared=_HAS_DEFAULT_FACTORY, left_out:_type_left_out=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:\n  self.key=key\n  self.shown=shown\n  self.base=base\n  self.files=_dflt_files() if files is _HAS_DEFAULT_FACTORY else files\n  self.shared=_dflt_shared() if shared is _HAS_DEFAULT_FACTORY else shared\n  self.left_out=_dflt_left_out() if left_out is _HAS_DEFAULT_FACTORY else left_out\n return __init__': _45,
    "def __create_fn__(_type_keyword, _type_args, _type_line, _type_escape, _type_heredocs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_heredocs):\n def __init__(self, keyword:_type_keyword, args:_type_args, line:_type_line, escape:_type_escape, heredocs:_type_heredocs=_dflt_heredocs) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'keyword',keyword)\n  __dataclass_builtins_object__.__setattr__(self,'args',args)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'escape',escape)\n  __dataclass_builtins_object__.__setattr__(self,'heredocs',heredocs)\n return __init__": _46,
    "def __create_fn__(_type_kind, _type_file, _type_line, _type_name, _type_pythons, _type_platforms, _type_ddtrace, _type_env, _type_aws_lambda, _type_ddtrace_run, _type_context, _type_findings, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_name, _dflt_pythons, _dflt_platforms, _dflt_ddtrace, _dflt_env, _dflt_aws_lambda, _dflt_ddtrace_run, _dflt_context, _dflt_findings):\n def __init__(self, kind:_type_kind, file:_type_file, line:_type_line, name:_type_name=_dflt_name, pythons:_type_pythons=_dflt_pythons, platforms:_type_platforms=_dflt_platforms, ddtrace:_type_ddtrace=_dflt_ddtrace, env:_type_env=_dflt_env, aws_lambda:_type_aws_lambda=_dflt_aws_lambda, ddtrace_run:_type_ddtrace_run=_dflt_ddtrace_run, context:_type_context=_dflt_context, findings:_type_findings=_dflt_findings) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'file',file)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'env',env)\n  __dataclass_builtins_object__.__setattr__(self,'aws_lambda',aws_lambda)\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace_run',ddtrace_run)\n  __dataclass_builtins_object__.__setattr__(self,'context',context)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n return __init__": _47,
    'def __create_fn__(_type_knowledge, _type_project, _type_server, _type_state, _type_floor, _type_reasons, _type_active, _type_pythons, _type_cap_floors, _type_python_source, _type_current, _type_left_out, _type__alone, _type__least, _type__installs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_python_source, _dflt_current, _dflt_left_out, _dflt__alone, _dflt__least, _dflt__installs):\n def __init__(self, knowledge:_type_knowledge, project:_type_project, server:_type_server, state:_type_state, floor:_type_floor, reasons:_type_reasons, active:_type_active, pythons:_type_pythons, cap_floors:_type_cap_floors, python_source:_type_python_source=_dflt_python_source, current:_type_current=_HAS_DEFAULT_FACTORY, left_out:_type_left_out=_HAS_DEFAULT_FACTORY, _alone:_type__alone=_HAS_DEFAULT_FACTORY, _least:_type__least=_HAS_DEFAULT_FACTORY, _installs:_type__installs=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:\n  self.knowledge=knowledge\n  self.project=project\n  self.server=server\n  self.state=state\n  self.floor=floor\n  self.reasons=reasons\n  self.active=active\n  self.pythons=pythons\n  self.cap_floors=cap_floors\n  self.python_source=python_source\n  self.current=_dflt_current() if current is _HAS_DEFAULT_FACTORY else current\n  self.left_out=_dflt_left_out() if left_out is _HAS_DEFAULT_FACTORY else left_out\n  self._alone=_dflt__alone() if _alone is _HAS_DEFAULT_FACTORY else _alone\n  self._least=_dflt__least() if _least is _HAS_DEFAULT_FACTORY else _least\n  self._installs=_dflt__installs() if _installs is _HAS_DEFAULT_FACTORY else _installs\n return __init__': _48,
    "def __create_fn__(_type_layer, _type_datadog_lambda, _type_ddtrace, _type_source, _type_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_python):\n def __init__(self, layer:_type_layer, datadog_lambda:_type_datadog_lambda, ddtrace:_type_ddtrace, source:_type_source, python:_type_python=_dflt_python) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'layer',layer)\n  __dataclass_builtins_object__.__setattr__(self,'datadog_lambda',datadog_lambda)\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n return __init__": _49,
    "def __create_fn__(_type_lines, _type_added, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, lines:_type_lines, added:_type_added) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'lines',lines)\n  __dataclass_builtins_object__.__setattr__(self,'added',added)\n return __init__": _50,
    "def __create_fn__(_type_lo, _type_lo_closed, _type_hi, _type_hi_closed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, lo:_type_lo, lo_closed:_type_lo_closed, hi:_type_hi, hi_closed:_type_hi_closed) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'lo',lo)\n  __dataclass_builtins_object__.__setattr__(self,'lo_closed',lo_closed)\n  __dataclass_builtins_object__.__setattr__(self,'hi',hi)\n  __dataclass_builtins_object__.__setattr__(self,'hi_closed',hi_closed)\n return __init__": _51,
    "def __create_fn__(_type_login, _type_type, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, login:_type_login, type:_type_type) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'login',login)\n  __dataclass_builtins_object__.__setattr__(self,'type',type)\n return __init__": _52,
    "def __create_fn__(_type_manifest, _type_path, _type_base, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, manifest:_type_manifest, path:_type_path, base:_type_base) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'manifest',manifest)\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'base',base)\n return __init__": _53,
    "def __create_fn__(_type_manifests, _type_dependencies, _type_python, _type_findings, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_findings, _dflt_deployments):\n def __init__(self, manifests:_type_manifests, dependencies:_type_dependencies, python:_type_python, findings:_type_findings=_dflt_findings, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'manifests',manifests)\n  __dataclass_builtins_object__.__setattr__(self,'dependencies',dependencies)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'deployments',deployments)\n return __init__": _54,
    "def __create_fn__(_type_marker, _type_pythons, _type_ddtrace, _type_off, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_off):\n def __init__(self, marker:_type_marker, pythons:_type_pythons, ddtrace:_type_ddtrace, off:_type_off=_dflt_off) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'marker',marker)\n  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'off',off)\n return __init__": _55,
    "def __create_fn__(_type_name, _type_display_name, _type_specifier, _type_version, _type_source, _type_marker, _type_extras, _type_group, _type_group_kind, _type_lock_groups, _type_role, _type_url, _type_editable, _type_hashes, _type_options, _type_origin, _type_parsed_specifier, _type_parsed_version, _type_requires, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_marker, _dflt_extras, _dflt_group, _dflt_group_kind, _dflt_lock_groups, _dflt_role, _dflt_url, _dflt_editable, _dflt_hashes, _dflt_options, _dflt_origin, _dflt_parsed_specifier, _dflt_parsed_version, _dflt_requires):\n def __init__(self, name:_type_name, display_name:_type_display_name, specifier:_type_specifier, version:_type_version, source:_type_source, marker:_type_marker=_dflt_marker, extras:_type_extras=_dflt_extras, group:_type_group=_dflt_group, group_kind:_type_group_kind=_dflt_group_kind, lock_groups:_type_lock_groups=_dflt_lock_groups, role:_type_role=_dflt_role, url:_type_url=_dflt_url, editable:_type_editable=_dflt_editable, hashes:_type_hashes=_dflt_hashes, options:_type_options=_dflt_options, origin:_type_origin=_dflt_origin, parsed_specifier:_type_parsed_specifier=_dflt_parsed_specifier, parsed_version:_type_parsed_version=_dflt_parsed_version, requires:_type_requires=_dflt_requires) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'display_name',display_name)\n  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'marker',marker)\n  __dataclass_builtins_object__.__setattr__(self,'extras',extras)\n  __dataclass_builtins_object__.__setattr__(self,'group',group)\n  __dataclass_builtins_object__.__setattr__(self,'group_kind',group_kind)\n  __dataclass_builtins_object__.__setattr__(self,'lock_groups',lock_groups)\n  __dataclass_builtins_object__.__setattr__(self,'role',role)\n  __dataclass_builtins_object__.__setattr__(self,'url',url)\n  __dataclass_builtins_object__.__setattr__(self,'editable',editable)\n  __dataclass_builtins_object__.__setattr__(self,'hashes',hashes)\n  __dataclass_builtins_object__.__setattr__(self,'options',options)\n  __dataclass_builtins_object__.__setattr__(self,'origin',origin)\n  __dataclass_builtins_object__.__setattr__(self,'parsed_specifier',parsed_specifier)\n  __dataclass_builtins_object__.__setattr__(self,'parsed_version',parsed_version)\n  __dataclass_builtins_object__.__setattr__(self,'requires',requires)\n  self.__post_init__()\n return __init__": _56,
    "def __create_fn__(_type_name, _type_files, _type_last_serial, _type_versions, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, name:_type_name, files:_type_files, last_serial:_type_last_serial, versions:_type_versions) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'last_serial',last_serial)\n  __dataclass_builtins_object__.__setattr__(self,'versions',versions)\n return __init__": _57,
    "def __create_fn__(_type_name, _type_main, _type_optional, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, name:_type_name, main:_type_main, optional:_type_optional) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'main',main)\n  __dataclass_builtins_object__.__setattr__(self,'optional',optional)\n return __init__": _58,
    "def __create_fn__(_type_name, _type_packages, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, name:_type_name, packages:_type_packages) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'packages',packages)\n return __init__": _59,
    "def __create_fn__(_type_name, _type_raw_name, _type_method, _type_flags, _type_crc, _type_compressed, _type_uncompressed, _type_offset, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, name:_type_name, raw_name:_type_raw_name, method:_type_method, flags:_type_flags, crc:_type_crc, compressed:_type_compressed, uncompressed:_type_uncompressed, offset:_type_offset) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'raw_name',raw_name)\n  __dataclass_builtins_object__.__setattr__(self,'method',method)\n  __dataclass_builtins_object__.__setattr__(self,'flags',flags)\n  __dataclass_builtins_object__.__setattr__(self,'crc',crc)\n  __dataclass_builtins_object__.__setattr__(self,'compressed',compressed)\n  __dataclass_builtins_object__.__setattr__(self,'uncompressed',uncompressed)\n  __dataclass_builtins_object__.__setattr__(self,'offset',offset)\n return __init__": _60,
    "def __create_fn__(_type_name, _type_spec, _type_marker, _type_end, _type_url, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_url):\n def __init__(self, name:_type_name, spec:_type_spec, marker:_type_marker, end:_type_end, url:_type_url=_dflt_url) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'spec',spec)\n  __dataclass_builtins_object__.__setattr__(self,'marker',marker)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'url',url)\n return __init__": _61,
    "def __create_fn__(_type_name, _type_specifier, _type_extras, _type_origin, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_extras, _dflt_origin):\n def __init__(self, name:_type_name, specifier:_type_specifier, extras:_type_extras=_dflt_extras, origin:_type_origin=_dflt_origin) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'specifier',specifier)\n  __dataclass_builtins_object__.__setattr__(self,'extras',extras)\n  __dataclass_builtins_object__.__setattr__(self,'origin',origin)\n return __init__": _62,
    "def __create_fn__(_type_name, _type_value, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, name:_type_name, value:_type_value, line:_type_line) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n return __init__": _63,
    "def __create_fn__(_type_name, _type_value, _type_need, _type_note, _type_source, _type_ddtrace, _type_capabilities, _type_lambda_note, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_ddtrace, _dflt_capabilities, _dflt_lambda_note):\n def __init__(self, name:_type_name, value:_type_value, need:_type_need, note:_type_note, source:_type_source, ddtrace:_type_ddtrace=_dflt_ddtrace, capabilities:_type_capabilities=_dflt_capabilities, lambda_note:_type_lambda_note=_dflt_lambda_note) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'value',value)\n  __dataclass_builtins_object__.__setattr__(self,'need',need)\n  __dataclass_builtins_object__.__setattr__(self,'note',note)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'lambda_note',lambda_note)\n return __init__": _64,
    "def __create_fn__(_type_name, _type_version, _type_extras, _type_release, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, name:_type_name, version:_type_version, extras:_type_extras, release:_type_release) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'name',name)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'extras',extras)\n  __dataclass_builtins_object__.__setattr__(self,'release',release)\n return __init__": _65,
    "def __create_fn__(_type_op, _type_ws, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, op:_type_op, ws:_type_ws, version:_type_version) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'op',op)\n  __dataclass_builtins_object__.__setattr__(self,'ws',ws)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n return __init__": _66,
    "def __create_fn__(_type_package, _type_arms, _type_raise_floor, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_unresolved):\n def __init__(self, package:_type_package, arms:_type_arms, raise_floor:_type_raise_floor, unresolved:_type_unresolved=_dflt_unresolved) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'package',package)\n  __dataclass_builtins_object__.__setattr__(self,'arms',arms)\n  __dataclass_builtins_object__.__setattr__(self,'raise_floor',raise_floor)\n  __dataclass_builtins_object__.__setattr__(self,'unresolved',unresolved)\n return __init__": _67,
    "def __create_fn__(_type_package, _type_from_version, _type_to_version, _type_from_specifier, _type_to_specifier, _type_source, _type_marker, _type_reason, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_from_specifier, _dflt_to_specifier, _dflt_source, _dflt_marker, _dflt_reason, _dflt_kind):\n def __init__(self, package:_type_package, from_version:_type_from_version, to_version:_type_to_version, from_specifier:_type_from_specifier=_dflt_from_specifier, to_specifier:_type_to_specifier=_dflt_to_specifier, source:_type_source=_dflt_source, marker:_type_marker=_dflt_marker, reason:_type_reason=_dflt_reason, kind:_type_kind=_dflt_kind) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'package',package)\n  __dataclass_builtins_object__.__setattr__(self,'from_version',from_version)\n  __dataclass_builtins_object__.__setattr__(self,'to_version',to_version)\n  __dataclass_builtins_object__.__setattr__(self,'from_specifier',from_specifier)\n  __dataclass_builtins_object__.__setattr__(self,'to_specifier',to_specifier)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'marker',marker)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  self.__post_init__()\n return __init__": _68,
    "def __create_fn__(_type_package, _type_wants, _type_hint, _type_allowed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_allowed):\n def __init__(self, package:_type_package, wants:_type_wants, hint:_type_hint, allowed:_type_allowed=_dflt_allowed) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'package',package)\n  __dataclass_builtins_object__.__setattr__(self,'wants',wants)\n  __dataclass_builtins_object__.__setattr__(self,'hint',hint)\n  __dataclass_builtins_object__.__setattr__(self,'allowed',allowed)\n return __init__": _69,
    "def __create_fn__(_type_page, _type_etag, _type_last_modified, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, page:_type_page, etag:_type_etag, last_modified:_type_last_modified) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'page',page)\n  __dataclass_builtins_object__.__setattr__(self,'etag',etag)\n  __dataclass_builtins_object__.__setattr__(self,'last_modified',last_modified)\n return __init__": _70,
    'def __create_fn__(_type_patch, _type_real, _type_st, _type_tmp, _type_in_place, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_tmp, _dflt_in_place):\n def __init__(self, patch:_type_patch, real:_type_real, st:_type_st, tmp:_type_tmp=_dflt_tmp, in_place:_type_in_place=_dflt_in_place) -> __dataclass_return_type__:\n  self.patch=patch\n  self.real=real\n  self.st=st\n  self.tmp=tmp\n  self.in_place=in_place\n return __init__': _71,
    "def __create_fn__(_type_patches, _type_commands, _type_messages, _type_refusals, _type_by_hand, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_patches, _dflt_commands, _dflt_messages, _dflt_refusals, _dflt_by_hand):\n def __init__(self, patches:_type_patches=_dflt_patches, commands:_type_commands=_dflt_commands, messages:_type_messages=_dflt_messages, refusals:_type_refusals=_dflt_refusals, by_hand:_type_by_hand=_dflt_by_hand) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'patches',patches)\n  __dataclass_builtins_object__.__setattr__(self,'commands',commands)\n  __dataclass_builtins_object__.__setattr__(self,'messages',messages)\n  __dataclass_builtins_object__.__setattr__(self,'refusals',refusals)\n  __dataclass_builtins_object__.__setattr__(self,'by_hand',by_hand)\n  self.__post_init__()\n return __init__": _72,
    "def __create_fn__(_type_path, _type_before, _type_after, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, path:_type_path, before:_type_before, after:_type_after, reason:_type_reason) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'before',before)\n  __dataclass_builtins_object__.__setattr__(self,'after',after)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__": _73,
    "def __create_fn__(_type_path, _type_kind, _type_dependencies, _type_python, _type_project_name, _type_is_lock, _type_findings, _type_index_urls, _type_includes, _type_graph, _type_compiled, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_dependencies, _dflt_python, _dflt_project_name, _dflt_is_lock, _dflt_findings, _dflt_index_urls, _dflt_includes, _dflt_graph, _dflt_compiled, _dflt_deployments):\n def __init__(self, path:_type_path, kind:_type_kind, dependencies:_type_dependencies=_dflt_dependencies, python:_type_python=_dflt_python, project_name:_type_project_name=_dflt_project_name, is_lock:_type_is_lock=_dflt_is_lock, findings:_type_findings=_dflt_findings, index_urls:_type_index_urls=_dflt_index_urls, includes:_type_includes=_dflt_includes, graph:_type_graph=_dflt_graph, compiled:_type_compiled=_dflt_compiled, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n  __dataclass_builtins_object__.__setattr__(self,'dependencies',dependencies)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'project_name',project_name)\n  __dataclass_builtins_object__.__setattr__(self,'is_lock',is_lock)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'index_urls',index_urls)\n  __dataclass_builtins_object__.__setattr__(self,'includes',includes)\n  __dataclass_builtins_object__.__setattr__(self,'graph',graph)\n  __dataclass_builtins_object__.__setattr__(self,'compiled',compiled)\n  __dataclass_builtins_object__.__setattr__(self,'deployments',deployments)\n return __init__": _74,
    "def __create_fn__(_type_path, _type_start, _type_end, _type_old, _type_new, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, path:_type_path, start:_type_start, end:_type_end, old:_type_old, new:_type_new) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'path',path)\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n  __dataclass_builtins_object__.__setattr__(self,'old',old)\n  __dataclass_builtins_object__.__setattr__(self,'new',new)\n return __init__": _75,
    "def __create_fn__(_type_paths, _type_capabilities, _type_python, _type_platforms, _type_comment, _type_fail_on, _type_token, _type_comment_author, _type_suggest, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_comment_author, _dflt_suggest):\n def __init__(self, paths:_type_paths, capabilities:_type_capabilities, python:_type_python, platforms:_type_platforms, comment:_type_comment, fail_on:_type_fail_on, token:_type_token, comment_author:_type_comment_author=_dflt_comment_author, suggest:_type_suggest=_dflt_suggest) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'paths',paths)\n  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n  __dataclass_builtins_object__.__setattr__(self,'comment',comment)\n  __dataclass_builtins_object__.__setattr__(self,'fail_on',fail_on)\n  __dataclass_builtins_object__.__setattr__(self,'token',token)\n  __dataclass_builtins_object__.__setattr__(self,'comment_author',comment_author)\n  __dataclass_builtins_object__.__setattr__(self,'suggest',suggest)\n return __init__": _76,
    "def __create_fn__(_type_per_python, _type_floor, _type_floor_reasons, _type_blockers, _type_tried, _type_never_runs, _type_skipped, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_floor, _dflt_floor_reasons, _dflt_blockers, _dflt_tried, _dflt_never_runs, _dflt_skipped):\n def __init__(self, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons, blockers:_type_blockers=_dflt_blockers, tried:_type_tried=_dflt_tried, never_runs:_type_never_runs=_dflt_never_runs, skipped:_type_skipped=_dflt_skipped) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'per_python',per_python)\n  __dataclass_builtins_object__.__setattr__(self,'floor',floor)\n  __dataclass_builtins_object__.__setattr__(self,'floor_reasons',floor_reasons)\n  __dataclass_builtins_object__.__setattr__(self,'blockers',blockers)\n  __dataclass_builtins_object__.__setattr__(self,'tried',tried)\n  __dataclass_builtins_object__.__setattr__(self,'never_runs',never_runs)\n  __dataclass_builtins_object__.__setattr__(self,'skipped',skipped)\n return __init__": _77,
    "def __create_fn__(_type_platforms, _type_reason, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, platforms:_type_platforms, reason:_type_reason, source:_type_source) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__": _78,
    "def __create_fn__(_type_project, _type_advice, _type_offline, _type_settings, _type_indexes, _type_clock, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_clock):\n def __init__(self, project:_type_project, advice:_type_advice, offline:_type_offline, settings:_type_settings, indexes:_type_indexes, clock:_type_clock=_dflt_clock) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'project',project)\n  __dataclass_builtins_object__.__setattr__(self,'advice',advice)\n  __dataclass_builtins_object__.__setattr__(self,'offline',offline)\n  __dataclass_builtins_object__.__setattr__(self,'settings',settings)\n  __dataclass_builtins_object__.__setattr__(self,'indexes',indexes)\n  __dataclass_builtins_object__.__setattr__(self,'clock',clock)\n return __init__": _79,
    "def __create_fn__(_type_project, _type_index_url, _type_snapshot_date, _type_releases, _type__by_version, _type__final, _type__final_sorted, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt__by_version, _dflt__final, _dflt__final_sorted):\n def __init__(self, project:_type_project, index_url:_type_index_url, snapshot_date:_type_snapshot_date, releases:_type_releases, _by_version:_type__by_version=_HAS_DEFAULT_FACTORY, _final:_type__final=_HAS_DEFAULT_FACTORY, _final_sorted:_type__final_sorted=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'project',project)\n  __dataclass_builtins_object__.__setattr__(self,'index_url',index_url)\n  __dataclass_builtins_object__.__setattr__(self,'snapshot_date',snapshot_date)\n  __dataclass_builtins_object__.__setattr__(self,'releases',releases)\n  __dataclass_builtins_object__.__setattr__(self,'_by_version',_dflt__by_version() if _by_version is _HAS_DEFAULT_FACTORY else _by_version)\n  __dataclass_builtins_object__.__setattr__(self,'_final',_dflt__final() if _final is _HAS_DEFAULT_FACTORY else _final)\n  __dataclass_builtins_object__.__setattr__(self,'_final_sorted',_dflt__final_sorted() if _final_sorted is _HAS_DEFAULT_FACTORY else _final_sorted)\n return __init__": _80,
    "def __create_fn__(_type_project, _type_selected, _type_environment, _type_request, _type_config, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, project:_type_project, selected:_type_selected, environment:_type_environment, request:_type_request, config:_type_config) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'project',project)\n  __dataclass_builtins_object__.__setattr__(self,'selected',selected)\n  __dataclass_builtins_object__.__setattr__(self,'environment',environment)\n  __dataclass_builtins_object__.__setattr__(self,'request',request)\n  __dataclass_builtins_object__.__setattr__(self,'config',config)\n return __init__": _81,
    "def __create_fn__(_type_projects, _type_read, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, projects:_type_projects, read:_type_read) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'projects',projects)\n  __dataclass_builtins_object__.__setattr__(self,'read',read)\n return __init__": _82,
    "def __create_fn__(_type_projects, _type_snapshot_date, _type_today, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, projects:_type_projects, snapshot_date:_type_snapshot_date, today:_type_today) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'projects',projects)\n  __dataclass_builtins_object__.__setattr__(self,'snapshot_date',snapshot_date)\n  __dataclass_builtins_object__.__setattr__(self,'today',today)\n return __init__": _83,
    "def __create_fn__(_type_python, _type_musl, _type_aws_lambda, _type_python_image, _type_windows, _type_arch, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_windows, _dflt_arch):\n def __init__(self, python:_type_python, musl:_type_musl, aws_lambda:_type_aws_lambda, python_image:_type_python_image, windows:_type_windows=_dflt_windows, arch:_type_arch=_dflt_arch) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n  __dataclass_builtins_object__.__setattr__(self,'musl',musl)\n  __dataclass_builtins_object__.__setattr__(self,'aws_lambda',aws_lambda)\n  __dataclass_builtins_object__.__setattr__(self,'python_image',python_image)\n  __dataclass_builtins_object__.__setattr__(self,'windows',windows)\n  __dataclass_builtins_object__.__setattr__(self,'arch',arch)\n return __init__": _84,
    "def __create_fn__(_type_python_spec, _type_python_source, _type_python_versions, _type_platforms, _type_ddtrace, _type_requested, _type_capabilities, _type_recommendation, _type_integrations, _type_findings, _type_snapshot_date, _type_files, _type_today, _type_deployment, _type_deployment_source, _type_environment, _type_ignored, _type_python_origins, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_deployment, _dflt_deployment_source, _dflt_environment, _dflt_ignored, _dflt_python_origins, _dflt_deployments):\n def __init__(self, python_spec:_type_python_spec, python_source:_type_python_source, python_versions:_type_python_versions, platforms:_type_platforms, ddtrace:_type_ddtrace, requested:_type_requested, capabilities:_type_capabilities, recommendation:_type_recommendation, integrations:_type_integrations, findings:_type_findings, snapshot_date:_type_snapshot_date, files:_type_files, today:_type_today, deployment:_type_deployment=_dflt_deployment, deployment_source:_type_deployment_source=_dflt_deployment_source, environment:_type_environment=_HAS_DEFAULT_FACTORY, ignored:_type_ignored=_dflt_ignored, python_origins:_type_python_origins=_dflt_python_origins, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'python_spec',python_spec)\n  __dataclass_builtins_object__.__setattr__(self,'python_source',python_source)\n  __dataclass_builtins_object__.__setattr__(self,'python_versions',python_versions)\n  __dataclass_builtins_object__.__setattr__(self,'platforms',platforms)\n  __dataclass_builtins_object__.__setattr__(self,'ddtrace',ddtrace)\n  __dataclass_builtins_object__.__setattr__(self,'requested',requested)\n  __dataclass_builtins_object__.__setattr__(self,'capabilities',capabilities)\n  __dataclass_builtins_object__.__setattr__(self,'recommendation',recommendation)\n  __dataclass_builtins_object__.__setattr__(self,'integrations',integrations)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'snapshot_date',snapshot_date)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'today',today)\n  __dataclass_builtins_object__.__setattr__(self,'deployment',deployment)\n  __dataclass_builtins_object__.__setattr__(self,'deployment_source',deployment_source)\n  __dataclass_builtins_object__.__setattr__(self,'environment',_dflt_environment() if environment is _HAS_DEFAULT_FACTORY else environment)\n  __dataclass_builtins_object__.__setattr__(self,'ignored',ignored)\n  __dataclass_builtins_object__.__setattr__(self,'python_origins',python_origins)\n  __dataclass_builtins_object__.__setattr__(self,'deployments',deployments)\n return __init__": _85,
    "def __create_fn__(_type_reason, _type_hint, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_hint):\n def __init__(self, reason:_type_reason, hint:_type_hint=_dflt_hint) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n  __dataclass_builtins_object__.__setattr__(self,'hint',hint)\n return __init__": _86,
    "def __create_fn__(_type_report, _type_advised, _type_read, _type_configs, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_read, _dflt_configs):\n def __init__(self, report:_type_report, advised:_type_advised, read:_type_read=_dflt_read, configs:_type_configs=_dflt_configs) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'report',report)\n  __dataclass_builtins_object__.__setattr__(self,'advised',advised)\n  __dataclass_builtins_object__.__setattr__(self,'read',read)\n  __dataclass_builtins_object__.__setattr__(self,'configs',configs)\n return __init__": _87,
    "def __create_fn__(_type_root, _type_files, _type_advice, _type_python_spec, _type_python_source, _type_environment, _type_findings, _type_deployments, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_python_spec, _dflt_python_source, _dflt_environment, _dflt_findings, _dflt_deployments):\n def __init__(self, root:_type_root, files:_type_files, advice:_type_advice, python_spec:_type_python_spec=_dflt_python_spec, python_source:_type_python_source=_dflt_python_source, environment:_type_environment=_HAS_DEFAULT_FACTORY, findings:_type_findings=_dflt_findings, deployments:_type_deployments=_dflt_deployments) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'files',files)\n  __dataclass_builtins_object__.__setattr__(self,'advice',advice)\n  __dataclass_builtins_object__.__setattr__(self,'python_spec',python_spec)\n  __dataclass_builtins_object__.__setattr__(self,'python_source',python_source)\n  __dataclass_builtins_object__.__setattr__(self,'environment',_dflt_environment() if environment is _HAS_DEFAULT_FACTORY else environment)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'deployments',deployments)\n return __init__": _88,
    "def __create_fn__(_type_root, _type_folder, _type_project, _type_top, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_top):\n def __init__(self, root:_type_root, folder:_type_folder, project:_type_project, top:_type_top=_dflt_top) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'folder',folder)\n  __dataclass_builtins_object__.__setattr__(self,'project',project)\n  __dataclass_builtins_object__.__setattr__(self,'top',top)\n return __init__": _89,
    "def __create_fn__(_type_root, _type_repository, _type_trusted, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_repository, _dflt_trusted):\n def __init__(self, root:_type_root, repository:_type_repository=_dflt_repository, trusted:_type_trusted=_dflt_trusted) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'root',root)\n  __dataclass_builtins_object__.__setattr__(self,'repository',repository)\n  __dataclass_builtins_object__.__setattr__(self,'trusted',trusted)\n return __init__": _90,
    "def __create_fn__(_type_roots, _type_edges, _type_groups, _type_members, _type_root_groups, _type_partial, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_members, _dflt_root_groups, _dflt_partial):\n def __init__(self, roots:_type_roots, edges:_type_edges, groups:_type_groups, members:_type_members=_HAS_DEFAULT_FACTORY, root_groups:_type_root_groups=_HAS_DEFAULT_FACTORY, partial:_type_partial=_dflt_partial) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'roots',roots)\n  __dataclass_builtins_object__.__setattr__(self,'edges',edges)\n  __dataclass_builtins_object__.__setattr__(self,'groups',groups)\n  __dataclass_builtins_object__.__setattr__(self,'members',_dflt_members() if members is _HAS_DEFAULT_FACTORY else members)\n  __dataclass_builtins_object__.__setattr__(self,'root_groups',_dflt_root_groups() if root_groups is _HAS_DEFAULT_FACTORY else root_groups)\n  __dataclass_builtins_object__.__setattr__(self,'partial',partial)\n return __init__": _91,
    'def __create_fn__(_type_roots, _type_pins, _type_pin_sources, _type_constraints, _type_locked, _type_from_lock, _type_direct, _type_ddtrace_extras, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_roots, _dflt_pins, _dflt_pin_sources, _dflt_constraints, _dflt_locked, _dflt_from_lock, _dflt_direct, _dflt_ddtrace_extras):\n def __init__(self, roots:_type_roots=_HAS_DEFAULT_FACTORY, pins:_type_pins=_HAS_DEFAULT_FACTORY, pin_sources:_type_pin_sources=_HAS_DEFAULT_FACTORY, constraints:_type_constraints=_HAS_DEFAULT_FACTORY, locked:_type_locked=_HAS_DEFAULT_FACTORY, from_lock:_type_from_lock=_dflt_from_lock, direct:_type_direct=_HAS_DEFAULT_FACTORY, ddtrace_extras:_type_ddtrace_extras=_dflt_ddtrace_extras) -> __dataclass_return_type__:\n  self.roots=_dflt_roots() if roots is _HAS_DEFAULT_FACTORY else roots\n  self.pins=_dflt_pins() if pins is _HAS_DEFAULT_FACTORY else pins\n  self.pin_sources=_dflt_pin_sources() if pin_sources is _HAS_DEFAULT_FACTORY else pin_sources\n  self.constraints=_dflt_constraints() if constraints is _HAS_DEFAULT_FACTORY else constraints\n  self.locked=_dflt_locked() if locked is _HAS_DEFAULT_FACTORY else locked\n  self.from_lock=from_lock\n  self.direct=_dflt_direct() if direct is _HAS_DEFAULT_FACTORY else direct\n  self.ddtrace_extras=ddtrace_extras\n return __init__': _92,
    "def __create_fn__(_type_sarif, _type_subject, _type_kind, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_subject, _dflt_kind):\n def __init__(self, sarif:_type_sarif, subject:_type_subject=_dflt_subject, kind:_type_kind=_dflt_kind) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'sarif',sarif)\n  __dataclass_builtins_object__.__setattr__(self,'subject',subject)\n  __dataclass_builtins_object__.__setattr__(self,'kind',kind)\n return __init__": _93,
    'def __create_fn__(_type_serves, _type_somewhere, _type_smallest, _type_narrowed, _type_unserved, _type_skipped, _type_statuses, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_serves, _dflt_somewhere, _dflt_smallest, _dflt_narrowed, _dflt_unserved, _dflt_skipped, _dflt_statuses):\n def __init__(self, serves:_type_serves=_HAS_DEFAULT_FACTORY, somewhere:_type_somewhere=_HAS_DEFAULT_FACTORY, smallest:_type_smallest=_HAS_DEFAULT_FACTORY, narrowed:_type_narrowed=_HAS_DEFAULT_FACTORY, unserved:_type_unserved=_HAS_DEFAULT_FACTORY, skipped:_type_skipped=_HAS_DEFAULT_FACTORY, statuses:_type_statuses=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:\n  self.serves=_dflt_serves() if serves is _HAS_DEFAULT_FACTORY else serves\n  self.somewhere=_dflt_somewhere() if somewhere is _HAS_DEFAULT_FACTORY else somewhere\n  self.smallest=_dflt_smallest() if smallest is _HAS_DEFAULT_FACTORY else smallest\n  self.narrowed=_dflt_narrowed() if narrowed is _HAS_DEFAULT_FACTORY else narrowed\n  self.unserved=_dflt_unserved() if unserved is _HAS_DEFAULT_FACTORY else unserved\n  self.skipped=_dflt_skipped() if skipped is _HAS_DEFAULT_FACTORY else skipped\n  self.statuses=_dflt_statuses() if statuses is _HAS_DEFAULT_FACTORY else statuses\n return __init__': _94,
    "def __create_fn__(_type_since, _type_spec, _type_distributions, _type_listed, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_listed):\n def __init__(self, since:_type_since, spec:_type_spec, distributions:_type_distributions, listed:_type_listed=_dflt_listed) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'since',since)\n  __dataclass_builtins_object__.__setattr__(self,'spec',spec)\n  __dataclass_builtins_object__.__setattr__(self,'distributions',distributions)\n  __dataclass_builtins_object__.__setattr__(self,'listed',listed)\n return __init__": _95,
    'def __create_fn__(_type_snapshot, _type_capabilities, _type_unavailable, _type_platforms, _type_excluded, _type_aws_lambda, _type_limits, _type_kept, _type_answers, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_excluded, _dflt_aws_lambda, _dflt_limits, _dflt_kept, _dflt_answers):\n def __init__(self, snapshot:_type_snapshot, capabilities:_type_capabilities, unavailable:_type_unavailable, platforms:_type_platforms, excluded:_type_excluded=_dflt_excluded, aws_lambda:_type_aws_lambda=_dflt_aws_lambda, limits:_type_limits=_HAS_DEFAULT_FACTORY, kept:_type_kept=_dflt_kept, answers:_type_answers=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:\n  self.snapshot=snapshot\n  self.capabilities=capabilities\n  self.unavailable=unavailable\n  self.platforms=platforms\n  self.excluded=excluded\n  self.aws_lambda=aws_lambda\n  self.limits=_dflt_limits() if limits is _HAS_DEFAULT_FACTORY else limits\n  self.kept=kept\n  self.answers=_dflt_answers() if answers is _HAS_DEFAULT_FACTORY else answers\n return __init__': _96,
    "def __create_fn__(_type_snapshot, _type_index_url, _type_extra_index_urls, _type_cache_dir, _type_no_cache, _type_timeout, _type_deadline, _type_trust_files, _type_allow_outside, _type_progress, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_snapshot, _dflt_index_url, _dflt_extra_index_urls, _dflt_cache_dir, _dflt_no_cache, _dflt_timeout, _dflt_deadline, _dflt_trust_files, _dflt_allow_outside, _dflt_progress):\n def __init__(self, snapshot:_type_snapshot=_dflt_snapshot, index_url:_type_index_url=_dflt_index_url, extra_index_urls:_type_extra_index_urls=_dflt_extra_index_urls, cache_dir:_type_cache_dir=_dflt_cache_dir, no_cache:_type_no_cache=_dflt_no_cache, timeout:_type_timeout=_dflt_timeout, deadline:_type_deadline=_dflt_deadline, trust_files:_type_trust_files=_dflt_trust_files, allow_outside:_type_allow_outside=_dflt_allow_outside, progress:_type_progress=_dflt_progress) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'snapshot',snapshot)\n  __dataclass_builtins_object__.__setattr__(self,'index_url',index_url)\n  __dataclass_builtins_object__.__setattr__(self,'extra_index_urls',extra_index_urls)\n  __dataclass_builtins_object__.__setattr__(self,'cache_dir',cache_dir)\n  __dataclass_builtins_object__.__setattr__(self,'no_cache',no_cache)\n  __dataclass_builtins_object__.__setattr__(self,'timeout',timeout)\n  __dataclass_builtins_object__.__setattr__(self,'deadline',deadline)\n  __dataclass_builtins_object__.__setattr__(self,'trust_files',trust_files)\n  __dataclass_builtins_object__.__setattr__(self,'allow_outside',allow_outside)\n  __dataclass_builtins_object__.__setattr__(self,'progress',progress)\n return __init__": _97,
    "def __create_fn__(_type_spec, _type_marker, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, spec:_type_spec, marker:_type_marker, version:_type_version) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'spec',spec)\n  __dataclass_builtins_object__.__setattr__(self,'marker',marker)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n return __init__": _98,
    "def __create_fn__(_type_spec, _type_source, _type_versions, _type_findings, _type_origins, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_findings, _dflt_origins):\n def __init__(self, spec:_type_spec, source:_type_source, versions:_type_versions, findings:_type_findings=_dflt_findings, origins:_type_origins=_dflt_origins) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'spec',spec)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'versions',versions)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'origins',origins)\n return __init__": _99,
    "def __create_fn__(_type_spec, _type_source, _type_weak, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_weak):\n def __init__(self, spec:_type_spec, source:_type_source, weak:_type_weak=_dflt_weak) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'spec',spec)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n  __dataclass_builtins_object__.__setattr__(self,'weak',weak)\n return __init__": _100,
    "def __create_fn__(_type_spec, _type_support, _type_ends, _type_agent_min, _type_label, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_label):\n def __init__(self, spec:_type_spec, support:_type_support, ends:_type_ends, agent_min:_type_agent_min, label:_type_label=_dflt_label) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'spec',spec)\n  __dataclass_builtins_object__.__setattr__(self,'support',support)\n  __dataclass_builtins_object__.__setattr__(self,'ends',ends)\n  __dataclass_builtins_object__.__setattr__(self,'agent_min',agent_min)\n  __dataclass_builtins_object__.__setattr__(self,'label',label)\n return __init__": _101,
    "def __create_fn__(_type_spec, _type_version, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, spec:_type_spec, version:_type_version) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'spec',spec)\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n return __init__": _102,
    "def __create_fn__(_type_split, _type_changes, _type_per_python, _type_floor, _type_floor_reasons, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_floor, _dflt_floor_reasons):\n def __init__(self, split:_type_split, changes:_type_changes, per_python:_type_per_python, floor:_type_floor=_dflt_floor, floor_reasons:_type_floor_reasons=_dflt_floor_reasons) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'split',split)\n  __dataclass_builtins_object__.__setattr__(self,'changes',changes)\n  __dataclass_builtins_object__.__setattr__(self,'per_python',per_python)\n  __dataclass_builtins_object__.__setattr__(self,'floor',floor)\n  __dataclass_builtins_object__.__setattr__(self,'floor_reasons',floor_reasons)\n return __init__": _103,
    "def __create_fn__(_type_start, _type_lines, _type_body, _type_span, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, start:_type_start, lines:_type_lines, body:_type_body, span:_type_span) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'lines',lines)\n  __dataclass_builtins_object__.__setattr__(self,'body',body)\n  __dataclass_builtins_object__.__setattr__(self,'span',span)\n return __init__": _104,
    "def __create_fn__(_type_start, _type_lines, _type_end, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_end):\n def __init__(self, start:_type_start, lines:_type_lines, end:_type_end=_dflt_end) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n  __dataclass_builtins_object__.__setattr__(self,'lines',lines)\n  __dataclass_builtins_object__.__setattr__(self,'end',end)\n return __init__": _105,
    "def __create_fn__(_type_tag, _type_low, _type_high, _type_distributions, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, tag:_type_tag, low:_type_low, high:_type_high, distributions:_type_distributions) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'tag',tag)\n  __dataclass_builtins_object__.__setattr__(self,'low',low)\n  __dataclass_builtins_object__.__setattr__(self,'high',high)\n  __dataclass_builtins_object__.__setattr__(self,'distributions',distributions)\n return __init__": _106,
    "def __create_fn__(_type_target, _type_changes, _type_blockers, _type_tried, _type_findings, _type_unresolved, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_unresolved):\n def __init__(self, target:_type_target, changes:_type_changes, blockers:_type_blockers, tried:_type_tried, findings:_type_findings, unresolved:_type_unresolved=_dflt_unresolved) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'target',target)\n  __dataclass_builtins_object__.__setattr__(self,'changes',changes)\n  __dataclass_builtins_object__.__setattr__(self,'blockers',blockers)\n  __dataclass_builtins_object__.__setattr__(self,'tried',tried)\n  __dataclass_builtins_object__.__setattr__(self,'findings',findings)\n  __dataclass_builtins_object__.__setattr__(self,'unresolved',unresolved)\n return __init__": _107,
    'def __create_fn__(_type_text, _type_data, _type_packages, _type_lines, _type_out, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, text:_type_text, data:_type_data, packages:_type_packages, lines:_type_lines, out:_type_out) -> __dataclass_return_type__:\n  self.text=text\n  self.data=data\n  self.packages=packages\n  self.lines=lines\n  self.out=out\n return __init__': _108,
    "def __create_fn__(_type_text, _type_encoding, _type_bom, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, text:_type_text, encoding:_type_encoding, bom:_type_bom) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'encoding',encoding)\n  __dataclass_builtins_object__.__setattr__(self,'bom',bom)\n return __init__": _109,
    "def __create_fn__(_type_text, _type_start, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, text:_type_text, start:_type_start) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'start',start)\n return __init__": _110,
    "def __create_fn__(_type_text, _type_starts, _type_lines, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, text:_type_text, starts:_type_starts, lines:_type_lines) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'text',text)\n  __dataclass_builtins_object__.__setattr__(self,'starts',starts)\n  __dataclass_builtins_object__.__setattr__(self,'lines',lines)\n return __init__": _111,
    "def __create_fn__(_type_tool, _type_command, _type_python, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, tool:_type_tool, command:_type_command, python:_type_python) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'tool',tool)\n  __dataclass_builtins_object__.__setattr__(self,'command',command)\n  __dataclass_builtins_object__.__setattr__(self,'python',python)\n return __init__": _112,
    "def __create_fn__(_type_topic, _type_sources, _type_follows, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, topic:_type_topic, sources:_type_sources, follows:_type_follows) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'topic',topic)\n  __dataclass_builtins_object__.__setattr__(self,'sources',sources)\n  __dataclass_builtins_object__.__setattr__(self,'follows',follows)\n return __init__": _113,
    "def __create_fn__(_type_url, _type_written, _type_expanded, _type_prefix, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_expanded, _dflt_prefix):\n def __init__(self, url:_type_url, written:_type_written, expanded:_type_expanded=_dflt_expanded, prefix:_type_prefix=_dflt_prefix) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'url',url)\n  __dataclass_builtins_object__.__setattr__(self,'written',written)\n  __dataclass_builtins_object__.__setattr__(self,'expanded',expanded)\n  __dataclass_builtins_object__.__setattr__(self,'prefix',prefix)\n return __init__": _114,
    "def __create_fn__(_type_verbosity, _type_style, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_verbosity, _dflt_style):\n def __init__(self, verbosity:_type_verbosity=_dflt_verbosity, style:_type_style=_HAS_DEFAULT_FACTORY) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'verbosity',verbosity)\n  __dataclass_builtins_object__.__setattr__(self,'style',_dflt_style() if style is _HAS_DEFAULT_FACTORY else style)\n return __init__": _115,
    "def __create_fn__(_type_version, _type_marker, _type_pythons, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, version:_type_version, marker:_type_marker, pythons:_type_pythons) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'marker',marker)\n  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)\n return __init__": _116,
    "def __create_fn__(_type_version, _type_marker, _type_source, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, version:_type_version, marker:_type_marker, source:_type_source) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'marker',marker)\n  __dataclass_builtins_object__.__setattr__(self,'source',source)\n return __init__": _117,
    "def __create_fn__(_type_version, _type_reason, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, version:_type_version, reason:_type_reason) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'reason',reason)\n return __init__": _118,
    "def __create_fn__(_type_version, _type_released, _type_end_of_life, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, version:_type_version, released:_type_released, end_of_life:_type_end_of_life) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'released',released)\n  __dataclass_builtins_object__.__setattr__(self,'end_of_life',end_of_life)\n return __init__": _119,
    "def __create_fn__(_type_version, _type_requires_python, _type_yanked, _type_yanked_reason, _type_upload_time, _type_sdist, _type_wheels, _type_requires_dist, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, version:_type_version, requires_python:_type_requires_python, yanked:_type_yanked, yanked_reason:_type_yanked_reason, upload_time:_type_upload_time, sdist:_type_sdist, wheels:_type_wheels, requires_dist:_type_requires_dist) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'version',version)\n  __dataclass_builtins_object__.__setattr__(self,'requires_python',requires_python)\n  __dataclass_builtins_object__.__setattr__(self,'yanked',yanked)\n  __dataclass_builtins_object__.__setattr__(self,'yanked_reason',yanked_reason)\n  __dataclass_builtins_object__.__setattr__(self,'upload_time',upload_time)\n  __dataclass_builtins_object__.__setattr__(self,'sdist',sdist)\n  __dataclass_builtins_object__.__setattr__(self,'wheels',wheels)\n  __dataclass_builtins_object__.__setattr__(self,'requires_dist',requires_dist)\n return __init__": _120,
    "def __create_fn__(_type_versions, _type_unknown_metadata, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, versions:_type_versions, unknown_metadata:_type_unknown_metadata) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'versions',versions)\n  __dataclass_builtins_object__.__setattr__(self,'unknown_metadata',unknown_metadata)\n return __init__": _121,
    "def __create_fn__(_type_wants, _type_pythons, _type_appearing, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__, _dflt_appearing):\n def __init__(self, wants:_type_wants, pythons:_type_pythons, appearing:_type_appearing=_dflt_appearing) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'wants',wants)\n  __dataclass_builtins_object__.__setattr__(self,'pythons',pythons)\n  __dataclass_builtins_object__.__setattr__(self,'appearing',appearing)\n return __init__": _122,
    "def __create_fn__(_type_written, _type_resolved, _type_missing, _type_line, MISSING, _HAS_DEFAULT_FACTORY, __dataclass_builtins_object__, __dataclass_return_type__):\n def __init__(self, written:_type_written, resolved:_type_resolved, missing:_type_missing, line:_type_line) -> __dataclass_return_type__:\n  __dataclass_builtins_object__.__setattr__(self,'written',written)\n  __dataclass_builtins_object__.__setattr__(self,'resolved',resolved)\n  __dataclass_builtins_object__.__setattr__(self,'missing',missing)\n  __dataclass_builtins_object__.__setattr__(self,'line',line)\n return __init__": _123,
}
