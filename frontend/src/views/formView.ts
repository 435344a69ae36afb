import { groupFields, type Field } from "../core/forms/fields";
import { h } from "../components/dom";

/** Inputs for fields (built from option or parameter descriptions), in fieldsets by group. */
export function fieldInputs(
  fields: readonly Field[],
  values: Readonly<Record<string, string>> = {},
  grouped = true,
): HTMLElement[] {
  const input = (f: Field) => {
    const value = values[f.name] ?? f.defaultText;
    const el =
      f.input === "checkbox"
        ? h("input", { type: "checkbox", name: f.name, checked: value === "true", "data-kind": f.kind })
        : h("input", {
            type: f.input,
            name: f.name,
            value,
            step: f.step,
            placeholder: f.defaultText,
            required: f.required,
            "data-kind": f.kind,
          });
    return h(
      "label",
      { class: "field", title: f.description },
      h("span", { class: "field-name" }, f.label),
      el,
      // the server's (English) help: its own direction, or a right-to-left page scrambles its brackets
      h("small", { class: "muted", dir: "auto" }, f.description),
    );
  };
  if (!grouped) return fields.map(input);
  return groupFields(fields).map(([group, fs]) => h("fieldset", {}, h("legend", {}, group), ...fs.map(input)));
}

/** The raw values of a form's field inputs: text, or "true"/"false" for checkboxes. */
export function rawValues(form: HTMLFormElement, fields: readonly Field[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const f of fields) {
    const el = form.elements.namedItem(f.name);
    if (el instanceof HTMLInputElement) raw[f.name] = f.input === "checkbox" ? String(el.checked) : el.value;
  }
  return raw;
}
