/* pdc_plugin.h: the whole ABI between pardot-clean and a native rule plugin (a shared library
 * named in a config's `plugins:` list as `- native: PATH`). Plain C: no C++ type, exception or
 * allocation crosses the boundary, so a plugin may be written in C, C++ or anything that can
 * export C symbols.
 *
 * Loading, in this order (the host never runs plugin code it has not version-checked, apart
 * from the library's own static constructors, which dlopen runs):
 *   1. dlopen(PATH, RTLD_NOW | RTLD_LOCAL), PATH as the config gives it (relative paths are
 *      taken from the config file's directory). Nothing else is ever loaded.
 *   2. The data symbol `pdc_plugin_abi_version` is read and must equal PDC_PLUGIN_ABI_VERSION.
 *      A missing symbol or another version refuses the plugin with a config error.
 *   3. `pdc_plugin_init_v1` is called once with the host's table; it fills `out`, whose
 *      abi_version must again equal PDC_PLUGIN_ABI_VERSION.
 *   4. Each rule of `out->rules` is registered like a built-in rule: its option table is checked
 *      against the config, `pardot-clean rules` describes it, `name@version` names it in reports.
 *   5. For each use of a rule in the config, `create` builds an instance from the checked options;
 *      `apply` runs it on records; `destroy` frees it. The library stays loaded until every
 *      instance is destroyed.
 *
 * Threads: `pdc_plugin_init_v1` and `create` are called from one thread while the config loads.
 * `apply` is called from many threads at once, on the same instance and on different records
 * (never on one record from two threads): an instance must be read-only in `apply`, or guard its
 * own state. `destroy` is called once, after the last `apply` on that instance has returned.
 *
 * Memory: every string and table the plugin hands over (in pdc_plugin_v1, pdc_rule_v1 and
 * pdc_option_spec_v1) is owned by the plugin and must stay valid and unchanged until the library
 * is unloaded (static storage is the natural choice). Strings the host hands over (option values,
 * field values) are owned by the host and are borrowed only for the duration stated beside each
 * callback; copy what must outlive it. Strings are UTF-8 and NUL-terminated.
 *
 * Errors: `pdc_plugin_init_v1` returns 0 on success, or non-zero with `out->error` set to a
 * static message. `create` returns NULL on failure after calling `host->fail` with the reason
 * (the host copies it and reports it at the rule's place in the config, or at the option's place
 * when `option` names one). `apply` cannot fail; to report a finding about a record it raises a
 * flag with `host->flag`. A C++ plugin must not let an exception leave any function it exports
 * or any callback it hands over: catch everything at the boundary.
 *
 * Changing this file: a change to any struct layout, callback signature or meaning bumps
 * PDC_PLUGIN_ABI_VERSION (and the `_v1` names); plugins built against another version are
 * refused, never run.
 */
#ifndef PDC_PLUGIN_H_
#define PDC_PLUGIN_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PDC_PLUGIN_ABI_VERSION 1u

#if defined(_WIN32)
#define PDC_PLUGIN_EXPORT __declspec(dllexport)
#else
#define PDC_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* The types of option, in the order of the host's OptionType (README "Rules" names them). */
typedef enum pdc_option_type {
  PDC_OPTION_STRING = 0,    /* a scalar */
  PDC_OPTION_STRINGS = 1,   /* a list of scalars (a lone scalar is a list of one) */
  PDC_OPTION_FIELD = 2,     /* a field name */
  PDC_OPTION_FIELDS = 3,    /* a list of field names */
  PDC_OPTION_BOOL = 4,      /* read as "true" / "false" */
  PDC_OPTION_INT = 5,       /* read as decimal text */
  PDC_OPTION_CHOICE = 6,    /* one of `choices` ("a|b|c") */
  PDC_OPTION_VALUE = 7,     /* a scalar or null */
  PDC_OPTION_STRING_MAP = 8 /* a mapping of scalar to scalar-or-null, in config order */
} pdc_option_type;

/* One row of a rule's option table; the host checks the config against it exactly as it checks a
 * built-in rule's (unknown keys, missing required options and ill-typed values are config
 * errors with file:line:col). */
typedef struct pdc_option_spec_v1 {
  const char* key;
  int32_t type;              /* a pdc_option_type */
  const char* default_value; /* as YAML text; "" or NULL for none */
  int32_t required;          /* non-zero: the config must give it */
  const char* doc;           /* one line, for `pardot-clean rules NAME` */
  const char* choices;       /* PDC_OPTION_CHOICE only: "a|b|c"; else NULL */
} pdc_option_spec_v1;

/* Opaque handles owned by the host. */
typedef struct pdc_options pdc_options; /* the checked options of one rule instance */
typedef struct pdc_record pdc_record;   /* one prospect being cleaned */

/* What the host offers a plugin. The table is valid until the library is unloaded. */
typedef struct pdc_host_v1 {
  uint32_t abi_version; /* PDC_PLUGIN_ABI_VERSION of the host */

  /* Options, during `create` only. Scalar options (string, field, choice, value, bool, int)
   * read with `option_text`: NULL when the option is absent with no default, or a null
   * PDC_OPTION_VALUE. Lists (strings, fields) and maps read by index; a map value may be NULL
   * (null in the config). Returned strings are valid until `create` returns. */
  const char* (*option_text)(const pdc_options* options, const char* key);
  size_t (*option_size)(const pdc_options* options, const char* key); /* list items, map pairs */
  const char* (*option_item)(const pdc_options* options, const char* key, size_t index);
  const char* (*option_map_key)(const pdc_options* options, const char* key, size_t index);
  const char* (*option_map_value)(const pdc_options* options, const char* key, size_t index);
  /* Reports why `create` fails; `option` is the key at fault, or NULL for the rule as a whole.
   * The host copies `message`. */
  void (*fail)(pdc_options* options, const char* option, const char* message);
  /* Declare, during `create`, a field the instance reads or writes that no PDC_OPTION_FIELD(S)
   * option names (say, the keys of a map option): a source that pulls only the fields asked for
   * (Pardot v5) then asks for the ones read, and file outputs get a column for the ones written.
   * The host copies `field`. */
  void (*reads_field)(pdc_options* options, const char* field);
  void (*writes_field)(pdc_options* options, const char* field);

  /* Records, during `apply` only, on the record `apply` was given. `get_field` returns non-zero
   * and sets *value / *size when the field holds a value (a multi-value field reads as its items
   * joined by "|"), zero when it is absent or null. *value stays valid until the next call into
   * the host from this thread or the end of `apply`. `set_field` writes a text value (size
   * bytes, need not be NUL-terminated) and `clear_field` sets the field to null; both return 0,
   * or non-zero when the host could not make the change (out of memory). The host logs each
   * change against the rule for reports and undo. */
  int (*get_field)(const pdc_record* record, const char* name, const char** value, size_t* size);
  int (*set_field)(pdc_record* record, const char* name, const char* value, size_t size);
  int (*clear_field)(pdc_record* record, const char* name);
  /* Raises a finding about `field` without changing it; `code` such as "score_model.low"; the
   * host copies both strings. */
  int (*flag)(pdc_record* record, const char* field, const char* code, const char* message);
} pdc_host_v1;

/* One rule a plugin provides. `name` must not clash with a built-in rule or another plugin's. */
typedef struct pdc_rule_v1 {
  const char* name;    /* as written in configs: lower case, digits and '_' */
  int32_t version;     /* bump when the output for the same input changes */
  const char* summary; /* one line */
  const char* details; /* the exact behaviour */
  const pdc_option_spec_v1* options;
  size_t option_count;
  /* Builds an instance from checked options (defaults filled in); NULL after host->fail. */
  void* (*create)(const pdc_host_v1* host, pdc_options* options);
  /* Cleans one record; called concurrently (see "Threads" above). */
  void (*apply)(const pdc_host_v1* host, const void* instance, pdc_record* record);
  void (*destroy)(void* instance);
} pdc_rule_v1;

/* What `pdc_plugin_init_v1` fills in. */
typedef struct pdc_plugin_v1 {
  uint32_t abi_version; /* PDC_PLUGIN_ABI_VERSION the plugin was built against */
  const char* name;     /* for messages */
  const pdc_rule_v1* rules;
  size_t rule_count;
  const char* error; /* when init fails: why (static storage) */
} pdc_plugin_v1;

/* Defined by every plugin (the declaration below exports it), in C or inside extern "C":
 *   const uint32_t pdc_plugin_abi_version = PDC_PLUGIN_ABI_VERSION;
 * read by the host before it calls anything. */
PDC_PLUGIN_EXPORT extern const uint32_t pdc_plugin_abi_version;

/* The entry point; `host` stays valid until the library is unloaded. */
PDC_PLUGIN_EXPORT int pdc_plugin_init_v1(const pdc_host_v1* host, pdc_plugin_v1* out);

#ifdef __cplusplus
}
#endif

#endif /* PDC_PLUGIN_H_ */
