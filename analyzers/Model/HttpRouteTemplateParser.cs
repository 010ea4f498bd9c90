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
    public static bool TryParse(string? template, out ImmutableArray<string> parameters, out bool greedy)
    {
        parameters = ImmutableArray<string>.Empty;
        greedy = false;
        if (template is null || template.Length == 0 || template[0] != '/')
        {
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
                return false;
            }

            var name = segment.Substring(1, segment.Length - 2);
            if (name.EndsWith("+", StringComparison.Ordinal))
            {
                if (i != segments.Length - 1)
                {
                    return false;
                }

                greedy = true;
                name = name.Substring(0, name.Length - 1);
            }

            if (!IsName(name) || !seen.Add(name))
            {
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
