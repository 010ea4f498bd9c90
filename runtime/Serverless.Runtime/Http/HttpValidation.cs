using System.Globalization;
using System.Text.RegularExpressions;

namespace Serverless.Runtime.Http;

/// <summary>
/// The checks of the DataAnnotations attributes, for generated code (no reflection): each records a message in
/// <see cref="BindingErrors"/> and returns whether the value passed. Like the attributes, every check but
/// <c>Required</c> lets null pass. Messages are the attributes' default ones; <c>message</c> replaces them
/// (a composite format: <c>{0}</c> the field, then the attribute's arguments).
/// </summary>
public static class HttpValidation
{
    /// <summary><c>[Required]</c> on a string: null, empty and white space fail.</summary>
    public static bool Required(string? value, string field, BindingErrors errors, string? message = null) =>
        !string.IsNullOrWhiteSpace(value) || Fail(errors, field, message ?? "The {0} field is required.");

    /// <summary><c>[Required]</c> on a reference: null fails.</summary>
    public static bool Required<T>(T? value, string field, BindingErrors errors, string? message = null) where T : class =>
        value is not null || Fail(errors, field, message ?? "The {0} field is required.");

    /// <summary><c>[Required]</c> on a nullable value type: null fails.</summary>
    public static bool Required<T>(T? value, string field, BindingErrors errors, string? message = null) where T : struct =>
        value.HasValue || Fail(errors, field, message ?? "The {0} field is required.");

    /// <summary>
    /// <c>[Range(min, max)]</c> (int, long, double, decimal, dates...): both ends inclusive unless the attribute's
    /// <c>MinimumIsExclusive</c>/<c>MaximumIsExclusive</c> say otherwise.
    /// </summary>
    public static bool Range<T>(T value, T minimum, T maximum, string field, BindingErrors errors, string? message = null,
        bool minimumIsExclusive = false, bool maximumIsExclusive = false)
        where T : IComparable<T> =>
        value is null || InRange(value, minimum, maximum, minimumIsExclusive, maximumIsExclusive) ||
        Fail(errors, field, message ?? RangeMessage(minimumIsExclusive, maximumIsExclusive), minimum, maximum);

    /// <summary><c>[Range(min, max)]</c> on a nullable value type (null passes).</summary>
    public static bool Range<T>(T? value, T minimum, T maximum, string field, BindingErrors errors, string? message = null,
        bool minimumIsExclusive = false, bool maximumIsExclusive = false)
        where T : struct, IComparable<T> =>
        value is not { } v || Range(v, minimum, maximum, field, errors, message, minimumIsExclusive, maximumIsExclusive);

    /// <summary>
    /// <c>[Range(typeof(T), "min", "max")]</c>: the bounds parsed at compile time, the message showing them as written
    /// (as the attribute's does).
    /// </summary>
    public static bool Range<T>(T value, T minimum, T maximum, string minimumText, string maximumText, string field, BindingErrors errors,
        string? message = null, bool minimumIsExclusive = false, bool maximumIsExclusive = false)
        where T : IComparable<T> =>
        value is null || InRange(value, minimum, maximum, minimumIsExclusive, maximumIsExclusive) ||
        Fail(errors, field, message ?? RangeMessage(minimumIsExclusive, maximumIsExclusive), minimumText, maximumText);

    /// <summary><c>[Range(typeof(T), "min", "max")]</c> on a nullable value type (null passes).</summary>
    public static bool Range<T>(T? value, T minimum, T maximum, string minimumText, string maximumText, string field, BindingErrors errors,
        string? message = null, bool minimumIsExclusive = false, bool maximumIsExclusive = false)
        where T : struct, IComparable<T> =>
        value is not { } v || Range(v, minimum, maximum, minimumText, maximumText, field, errors, message, minimumIsExclusive, maximumIsExclusive);

    /// <summary><c>[StringLength(max, MinimumLength = min)]</c>.</summary>
    public static bool StringLength(string? value, int maximumLength, int minimumLength, string field, BindingErrors errors,
        string? message = null)
    {
        if (value is null || (value.Length >= minimumLength && value.Length <= maximumLength))
        {
            return true;
        }

        return Fail(errors, field, message ?? (minimumLength > 0
            ? "The field {0} must be a string with a minimum length of {2} and a maximum length of {1}."
            : "The field {0} must be a string with a maximum length of {1}."), maximumLength, minimumLength);
    }

    /// <summary><c>[MinLength(n)]</c> on a string.</summary>
    public static bool MinLength(string? value, int length, string field, BindingErrors errors, string? message = null) =>
        value is null || value.Length >= length || FailMinLength(errors, field, message, length);

    /// <summary><c>[MinLength(n)]</c> on a collection.</summary>
    public static bool MinLength<T>(IReadOnlyCollection<T>? value, int length, string field, BindingErrors errors, string? message = null) =>
        value is null || value.Count >= length || FailMinLength(errors, field, message, length);

    /// <summary><c>[MaxLength(n)]</c> on a string.</summary>
    public static bool MaxLength(string? value, int length, string field, BindingErrors errors, string? message = null) =>
        value is null || value.Length <= length || FailMaxLength(errors, field, message, length);

    /// <summary><c>[MaxLength(n)]</c> on a collection.</summary>
    public static bool MaxLength<T>(IReadOnlyCollection<T>? value, int length, string field, BindingErrors errors, string? message = null) =>
        value is null || value.Count <= length || FailMaxLength(errors, field, message, length);

    /// <summary>
    /// <c>[RegularExpression(pattern)]</c>: the whole value must match (null and empty pass). Pass a
    /// <c>[GeneratedRegex]</c> instance so no pattern is compiled at run time.
    /// </summary>
    public static bool RegularExpression(string? value, Regex regex, string field, BindingErrors errors, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(regex);
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        var match = regex.Match(value);
        return (match.Success && match.Index == 0 && match.Length == value.Length) ||
            Fail(errors, field, message ?? "The field {0} must match the regular expression '{1}'.", regex.ToString());
    }

    /// <summary>
    /// <c>[EmailAddress]</c>, the attribute's rule: exactly one <c>@</c>, neither first nor last, and no line breaks
    /// (null passes).
    /// </summary>
    public static bool EmailAddress(string? value, string field, BindingErrors errors, string? message = null)
    {
        if (value is null)
        {
            return true;
        }

        var at = value.IndexOf('@');
        var valid = !value.AsSpan().ContainsAny('\r', '\n') && at > 0 && at != value.Length - 1 && at == value.LastIndexOf('@');
        return valid || Fail(errors, field, message ?? "The {0} field is not a valid e-mail address.");
    }

    private static bool InRange<T>(T value, T minimum, T maximum, bool minimumIsExclusive, bool maximumIsExclusive)
        where T : IComparable<T>
    {
        var fromMinimum = value.CompareTo(minimum);
        var toMaximum = value.CompareTo(maximum);
        return (minimumIsExclusive ? fromMinimum > 0 : fromMinimum >= 0) && (maximumIsExclusive ? toMaximum < 0 : toMaximum <= 0);
    }

    // The attribute's default messages for each combination of exclusive ends.
    private static string RangeMessage(bool minimumIsExclusive, bool maximumIsExclusive) => (minimumIsExclusive, maximumIsExclusive) switch
    {
        (false, false) => "The field {0} must be between {1} and {2}.",
        (true, false) => "The field {0} must be between {1} exclusive and {2}.",
        (false, true) => "The field {0} must be between {1} and {2} exclusive.",
        _ => "The field {0} must be between {1} exclusive and {2} exclusive.",
    };

    private static bool FailMinLength(BindingErrors errors, string field, string? message, int length) =>
        Fail(errors, field, message ?? "The field {0} must be a string or array type with a minimum length of '{1}'.", length);

    private static bool FailMaxLength(BindingErrors errors, string field, string? message, int length) =>
        Fail(errors, field, message ?? "The field {0} must be a string or array type with a maximum length of '{1}'.", length);

    private static bool Fail(BindingErrors errors, string field, string format, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var all = new object?[arguments.Length + 1];
        all[0] = field;
        arguments.CopyTo(all, 1);
        errors.Add(field, string.Format(CultureInfo.InvariantCulture, format, all));
        return false;
    }
}
