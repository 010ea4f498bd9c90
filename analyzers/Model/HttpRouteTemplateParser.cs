using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Route templates as API Gateway and the runtime's router take them: <c>/</c>, literal segments, <c>{name}</c>
/// parameters and a last greedy <c>{name+}</c>. No empty segments; parameter names are unique.
/// </summary>
public static class HttpRouteTemplateParser
{
    /// <summary>Parses <paramref name="template"/>; <paramref name="parameters"/> are the names in order.</summary>
    public static bool TryParse(string? template, out ImmutableArray<string> parameters, out bool greedy) =>
        TryParse(template, out parameters, out greedy, out _);

    /// <summary>Parses <paramref name="template"/>; on failure <paramref name="error"/> says why (for diagnostics).</summary>
    public static bool TryParse(string? template, out ImmutableArray<string> parameters, out bool greedy, out string? error)
    {
        parameters = ImmutableArray<string>.Empty;
        greedy = false;
        error = null;
        if (template is null || template.Length == 0 || template[0] != '/')
        {
            error = template is null ? "it is null" : "it must start with '/'";
            return false;
        }

        if (template.Length == 1)
        {
            return true;
        }

        var names = ImmutableArray.CreateBuilder<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var segments = template.Substring(1).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0)
            {
                error = "it has an empty segment ('//' or a trailing '/')";
                return false;
            }

            var open = segment.IndexOf('{');
            var close = segment.IndexOf('}');
            if (open < 0 && close < 0)
            {
                continue;
            }

            if (open != 0 || close != segment.Length - 1)
            {
                error = "segment '" + segment + "' must be either literal text or one whole '{name}'";
                return false;
            }

            var name = segment.Substring(1, segment.Length - 2);
            if (name.EndsWith("+", StringComparison.Ordinal))
            {
                if (i != segments.Length - 1)
                {
                    error = "greedy parameter '" + segment + "' must be the last segment";
                    return false;
                }

                greedy = true;
                name = name.Substring(0, name.Length - 1);
            }

            if (!IsName(name))
            {
                error = "parameter '" + segment + "' must be named with letters, digits, '_', '-' or '.'";
                return false;
            }

            if (!seen.Add(name))
            {
                error = "parameter '{" + name + "}' appears more than once";
                return false;
            }

            names.Add(name);
        }

        parameters = names.ToImmutable();
        return true;
    }

    private static bool IsName(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
