import type { FieldsetHTMLAttributes, ReactNode } from 'react';

/** A section of a form: a fieldset whose legend is the section's heading (a class of its own besides `section`). */
export function FormSection({
  heading,
  className,
  children,
  ...fieldset
}: { heading: ReactNode } & FieldsetHTMLAttributes<HTMLFieldSetElement>) {
  return (
    <fieldset className={className ? `${className} section` : 'section'} {...fieldset}>
      <legend>
        <h2>{heading}</h2>
      </legend>
      {children}
    </fieldset>
  );
}
