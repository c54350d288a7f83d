using System.Globalization;

namespace CommunityPlanning.Domain.Forms;

/// <summary>
/// Checks submitted values against a form definition on the server, whatever the card allowed, and
/// returns cleaned values or a friendly message per field.
/// </summary>
public static class FormValidator
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d/M/yy", "d-M-yyyy", "d.M.yyyy"];

    /// <summary>Validates raw submitted values (by field id) against a form.</summary>
    public static FormValidation Validate(FormDefinition form, IReadOnlyDictionary<string, string> submitted)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(submitted);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in form.Fields)
        {
            submitted.TryGetValue(field.Id, out var raw);
            var (value, error) = ValidateField(field, raw);
            if (error is not null)
            {
                errors[field.Id] = error;
            }
            else if (value is not null)
            {
                values[field.Id] = value;
            }
        }

        return new FormValidation(values, errors);
    }

    /// <summary>Validates one raw value. Returns the cleaned value (null when empty) or an error.</summary>
    public static (string? Value, string? Error) ValidateField(FieldDefinition field, string? raw)
    {
        ArgumentNullException.ThrowIfNull(field);
        var text = Clean(raw, field.Type == FieldType.MultilineText);
        if (text.Length == 0 || (field.Type == FieldType.Toggle && text == "false" && !field.Required))
        {
            if (field.Type == FieldType.Toggle)
            {
                return ("false", null);
            }

            return field.Required ? (null, $"Please fill in \"{field.Label}\".") : (null, null);
        }

        return field.Type switch
        {
            FieldType.Text or FieldType.MultilineText => CheckText(field, text),
            FieldType.Number => CheckNumber(field, text),
            FieldType.Date => CheckDate(text),
            FieldType.Choice => CheckChoice(field, text),
            FieldType.MultiChoice => CheckChoices(field, text),
            FieldType.Toggle => CheckToggle(text),
            _ => (null, "This field is not recognised."),
        };
    }

    private static string Clean(string? raw, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return string.Empty;
        }

        var chars = raw.Where(c => !char.IsControl(c) || (multiline && c == '\n')).ToArray();
        return new string(chars).Trim();
    }

    private static (string?, string?) CheckText(FieldDefinition field, string text) =>
        text.Length > field.EffectiveMaxLength
            ? (null, $"That's {text.Length} characters; \"{field.Label}\" takes up to {field.EffectiveMaxLength}. Please shorten it.")
            : (text, null);

    private static (string?, string?) CheckNumber(FieldDefinition field, string text)
    {
        var normalised = text.Replace(",", string.Empty, StringComparison.Ordinal).Replace("£", string.Empty, StringComparison.Ordinal).TrimEnd('%').Trim();
        if (!decimal.TryParse(normalised, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
        {
            return (null, $"\"{text}\" isn't a number. Please type digits, like 25.");
        }

        if (field.WholeNumber && decimal.Truncate(number) != number)
        {
            return (null, "Please use a whole number.");
        }

        if (field.Min is { } min && number < min)
        {
            return (null, $"Please use a number of at least {min.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (field.Max is { } max && number > max)
        {
            return (null, $"Please use a number no bigger than {max.ToString(CultureInfo.InvariantCulture)}.");
        }

        return (number.ToString(CultureInfo.InvariantCulture), null);
    }

    private static (string?, string?) CheckDate(string text)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), null);
        }

        return (null, $"\"{text}\" isn't a date I can read. Please pick a date, or type it like 14/03/2026.");
    }

    private static (string?, string?) CheckChoice(FieldDefinition field, string text)
    {
        var match = field.Choices.FirstOrDefault(c => string.Equals(c.Value, text, StringComparison.Ordinal))
            ?? field.Choices.FirstOrDefault(c => string.Equals(c.Title, text, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? (null, $"\"{text}\" isn't one of the choices for \"{field.Label}\". Please pick one from the list.")
            : (match.Value, null);
    }

    private static (string?, string?) CheckChoices(FieldDefinition field, string text)
    {
        var picked = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (value, error) = CheckChoice(field, part);
            if (error is not null)
            {
                return (null, error);
            }

            if (!picked.Contains(value!, StringComparer.Ordinal))
            {
                picked.Add(value!);
            }
        }

        return (string.Join(',', picked), null);
    }

    private static (string?, string?) CheckToggle(string text) => text.ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" or "on" => ("true", null),
        "false" or "no" or "n" or "0" or "off" => ("false", null),
        _ => (null, "Please answer yes or no."),
    };
}
