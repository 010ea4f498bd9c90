namespace Serverless.Runtime.Http;

/// <summary>
/// The binding and validation errors of one request: field name to messages, in the order they were found.
/// Binding goes on after an error, so one 400 lists every mistake of the request.
/// </summary>
public sealed class BindingErrors
{
    private Dictionary<string, List<string>>? _errors;
    private List<string>? _fields;

    /// <summary>True when any error was recorded.</summary>
    public bool HasErrors => _fields is { Count: > 0 };

    /// <summary>The number of fields with errors.</summary>
    public int Count => _fields?.Count ?? 0;

    /// <summary>Records a message for a field (a field may collect several).</summary>
    public void Add(string field, string message)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(message);
        _errors ??= new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (!_errors.TryGetValue(field, out var messages))
        {
            _errors[field] = messages = [];
            (_fields ??= []).Add(field);
        }

        messages.Add(message);
    }

    /// <summary>The messages of <paramref name="field"/>; empty when it has none.</summary>
    public IReadOnlyList<string> this[string field] =>
        _errors is not null && _errors.TryGetValue(field, out var messages) ? messages : [];

    /// <summary>Field to messages, in the order the fields first failed.</summary>
    public IDictionary<string, string[]> ToDictionary()
    {
        var result = new Dictionary<string, string[]>(Count, StringComparer.Ordinal);
        if (_fields is not null)
        {
            foreach (var field in _fields)
            {
                result[field] = [.. _errors![field]];
            }
        }

        return result;
    }

    /// <summary>
    /// The 400 <c>application/problem+json</c> response (RFC 9457): <c>type</c>, <c>title</c>
    /// "One or more validation errors occurred.", <c>status</c> 400 and the <c>errors</c> map.
    /// </summary>
    public HttpResult ToResult() => HttpResults.ValidationProblem(ToDictionary());
}
