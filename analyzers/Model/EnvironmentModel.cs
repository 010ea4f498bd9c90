using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>
/// The environment variables a function ends up with, their size against Lambda's 4 KB, and what looks like a secret.
/// Shared by the analyzers (SLS1120, SLS1121) and the generator (the manifest's variables), so both count the same.
/// </summary>
public static class EnvironmentModel
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Words of a key that name a secret (matched on word boundaries: <c>DB_PASSWORD</c>, <c>apiKey</c>, <c>GITHUB_TOKEN</c>).</summary>
    private static readonly string[] SecretWords = { "password", "passwd", "pwd", "secret", "token", "apikey", "accesskey", "privatekey" };

    /// <summary>Two-word secrets (<c>API_KEY</c>, <c>ACCESS_KEY</c>, <c>PRIVATE_KEY</c>).</summary>
    private static readonly string[] SecretPairs = { "api key", "access key", "private key" };

    /// <summary>Last words of keys that hold something about a secret, not the secret (<c>SECRET_ARN</c>, <c>TOKEN_URL</c>).</summary>
    private static readonly HashSet<string> DescriptiveSuffixes = new(StringComparer.Ordinal)
    {
        "arn", "name", "id", "url", "uri", "endpoint", "path", "file", "length", "ttl", "policy", "header", "type",
        "region", "version", "expiry", "expiration", "enabled", "kind", "parameter", "param", "prefix", "issuer", "audience",
        "scope", "scopes", "timeout", "seconds", "minutes", "count", "size", "format", "algorithm", "provider",
    };

    // (?<![A-Z0-9]) / (?![A-Z0-9]): an access key ID on its own, not inside a longer token.
    private static readonly Regex AccessKeyId = new("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", RegexOptions.CultureInvariant);

    // Password=...; or Pwd=... with a value (ADO.NET, ODBC, Npgsql, MySQL connection strings).
    private static readonly Regex ConnectionStringPassword = new(@"(^|;)\s*(password|pwd)\s*=\s*[^;\s]", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    // scheme://user:password@host (database and broker URLs).
    private static readonly Regex UrlWithPassword = new(@"^[a-z][a-z0-9+.\-]*://[^/:@\s]+:[^/@\s]+@", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Bytes a variable takes in Lambda's 4 KB: key and value, UTF-8.</summary>
    public static int SizeOf(string key, string value) => Utf8.GetByteCount(key) + Utf8.GetByteCount(value);

    /// <summary>Bytes of a set of variables.</summary>
    public static int SizeOf(IEnumerable<KeyValue> variables) => variables.Sum(v => SizeOf(v.Key, v.Value));

    /// <summary>
    /// The variables the product adds to a function itself, beside the user's <c>[Environment]</c>: the extension point for
    /// table and queue names and the like, counted in the 4 KB and written to the manifest. Today the <c>[RdsProxy]</c>
    /// endpoint (<see cref="RdsProxySpec.EndpointEstimate"/>, which the template replaces with the real endpoint; none for
    /// Lambda@Edge, which has no environment). References travel to the runtime in the function's definition, and their
    /// names are the values of the user's own variables.
    /// </summary>
    public static EquatableArray<KeyValue> ProductVariables(FunctionSettings resolved) =>
        resolved.RdsProxy is { } proxy && resolved.EdgeEvents == EdgeEvents.None
            ? EquatableArray.Create(new KeyValue(proxy.EndpointVariable, proxy.EndpointEstimate))
            : default;

    /// <summary>The variables as deployed: the resolved <c>[Environment]</c> and the product's own (which win), sorted by key.</summary>
    public static EquatableArray<KeyValue> Deployed(FunctionSettings resolved)
    {
        var product = ProductVariables(resolved);
        return product.IsEmpty ? resolved.Environment : FunctionSettings.Merge(resolved.Environment, product);
    }

    /// <summary>
    /// Merges (variables, references) layers, widest first: for each key the narrowest layer that sets it decides both the
    /// value and whether it is a reference (a literal on a method hides a class's <c>FromSecret</c> of the same key).
    /// </summary>
    public static EquatableArray<EnvironmentReference> MergeReferences(params (EquatableArray<KeyValue> Variables, EquatableArray<EnvironmentReference> References)[] layers)
    {
        var map = new Dictionary<string, EnvironmentReference?>(StringComparer.Ordinal);
        foreach (var (variables, references) in layers)
        {
            foreach (var variable in variables)
            {
                map[variable.Key] = references.FirstOrDefault(r => r.Key == variable.Key && r.Name == variable.Value);
            }
        }

        return map.Values.Where(r => r is not null).Select(r => r!).OrderBy(r => r.Key, StringComparer.Ordinal).ToEquatableArray();
    }

    /// <summary>Merges entries of several scopes, widest first; the narrowest wins for a key. Sorted by key.</summary>
    public static IReadOnlyList<EnvironmentEntry> Merge(IEnumerable<IEnumerable<EnvironmentEntry>> layers)
    {
        var map = new Dictionary<string, EnvironmentEntry>(StringComparer.Ordinal);
        foreach (var layer in layers)
        {
            foreach (var entry in layer)
            {
                map[entry.Key] = entry;
            }
        }

        return map.Values.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// SLS1120 when the function's variables (<paramref name="entries"/>, merged, plus <paramref name="product"/>) exceed
    /// 4 KB: at <paramref name="location"/>, naming the three largest; the largest literal value is the fix's target
    /// (additional location and properties), to become <c>FromParameter = "/app/KEY"</c>.
    /// </summary>
    public static ModelDiagnostic? CheckSize(string functionName, LocationInfo? location, IReadOnlyList<EnvironmentEntry> entries, EquatableArray<KeyValue> product, string appName)
    {
        var all = Merge(new[]
        {
            entries,
            product.Select(p => new EnvironmentEntry(p.Key, p.Value, EnvironmentValueKind.Literal, EnvironmentScope.Product, "", null, null)),
        });
        var total = all.Sum(e => e.Size);
        if (total <= AwsLimits.EnvironmentMaxBytes)
        {
            return null;
        }

        var largest = all.OrderByDescending(e => e.Size).ThenBy(e => e.Key, StringComparer.Ordinal).Take(3)
            .Select(e => "'" + e.Key + "' " + Bytes(e.Size) + " (" + Describe(e) + ")");
        var diagnostic = ModelDiagnostic.Create(
            DiagnosticDescriptors.EnvironmentTooLarge,
            location,
            functionName,
            Bytes(total),
            Bytes(AwsLimits.EnvironmentMaxBytes),
            string.Join(", ", largest));

        var target = all
            .Where(e => e.Kind == EnvironmentValueKind.Literal && e.Scope != EnvironmentScope.Product && e.ValueArgument is not null)
            .OrderByDescending(e => Utf8.GetByteCount(e.Value)).ThenBy(e => e.Key, StringComparer.Ordinal)
            .FirstOrDefault();
        if (target is null)
        {
            return diagnostic;
        }

        return diagnostic with
        {
            AdditionalLocations = EquatableArray.Create(target.ValueArgument!),
            Properties = EquatableArray.Create(
                new KeyValue(EnvironmentPropertyNames.Argument, EnvironmentReader.FromParameterName),
                new KeyValue(EnvironmentPropertyNames.Reference, SuggestedParameterName(appName, target.Key)),
                new KeyValue(EnvironmentPropertyNames.Key, target.Key)),
        };
    }

    /// <summary>What a literal looks like when it looks like a secret (<c>a password</c>, ...), else null.</summary>
    public static string? DescribeSecret(string key, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (AccessKeyId.IsMatch(value))
        {
            return "an AWS access key ID";
        }

        if (ConnectionStringPassword.IsMatch(value))
        {
            return "a connection string with a password";
        }

        if (UrlWithPassword.IsMatch(value))
        {
            return "a URL with a password";
        }

        if (IsPlainSetting(value))
        {
            return null;   // "true", "30", "${...}": settings about a secret, not the secret
        }

        var words = Words(key);
        if (words.Count == 0 || DescriptiveSuffixes.Contains(words[words.Count - 1]))
        {
            return null;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (Array.IndexOf(SecretWords, words[i]) >= 0)
            {
                return "a " + (words[i] is "pwd" or "passwd" ? "password" : words[i] is "apikey" ? "API key" : words[i] is "accesskey" ? "access key" : words[i] is "privatekey" ? "private key" : words[i]);
            }

            if (i + 1 < words.Count && Array.IndexOf(SecretPairs, words[i] + " " + words[i + 1]) >= 0)
            {
                return (words[i] == "api" ? "an API" : words[i] == "access" ? "an access" : "a private") + " key";
            }
        }

        return null;
    }

    /// <summary>The secret id SLS1121's fix suggests: <c>&lt;app&gt;/&lt;key in lower case&gt;</c>.</summary>
    public static string SuggestedSecretId(string appName, string key) =>
        Sanitize(appName) + "/" + Sanitize(key).ToLowerInvariant();

    /// <summary>The parameter name SLS1120's fix suggests: <c>/&lt;app&gt;/&lt;key&gt;</c>.</summary>
    public static string SuggestedParameterName(string appName, string key) =>
        "/" + Sanitize(appName) + "/" + Sanitize(key);

    public static string Bytes(int count) => count.ToString("N0", CultureInfo.InvariantCulture) + " bytes";

    private static string Describe(EnvironmentEntry entry)
    {
        var where = entry.Scope switch
        {
            EnvironmentScope.Assembly => "assembly",
            EnvironmentScope.Class => "class '" + entry.ScopeName + "'",
            EnvironmentScope.Method => "method '" + entry.ScopeName + "'",
            _ => "added by Serverless.Analyzers",
        };
        return entry.Kind switch
        {
            EnvironmentValueKind.Parameter => where + ", parameter name",
            EnvironmentValueKind.Secret => where + ", secret id",
            _ => where,
        };
    }

    /// <summary>Letters, digits and <c>_.-</c> stay (valid in both parameter names and secret ids); the rest become <c>-</c>.</summary>
    private static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c < 128 && (char.IsLetterOrDigit(c) || c is '_' or '.' or '-') ? c : '-');
        }

        return builder.Length == 0 ? "app" : builder.ToString();
    }

    private static bool IsPlainSetting(string value)
    {
        var v = value.Trim();
        return v.Length < 4
            || v.Equals("true", StringComparison.OrdinalIgnoreCase) || v.Equals("false", StringComparison.OrdinalIgnoreCase)
            || v.Equals("none", StringComparison.OrdinalIgnoreCase) || v.Equals("null", StringComparison.OrdinalIgnoreCase)
            || double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            || v.StartsWith("${", StringComparison.Ordinal) || v.StartsWith("{{resolve:", StringComparison.Ordinal)
            || v.StartsWith("arn:", StringComparison.Ordinal);
    }

    /// <summary>The words of a key in lower case: split at <c>_ - . :</c>, spaces and camel-case humps (<c>dbPassword</c>, <c>APIKey</c>).</summary>
    internal static List<string> Words(string key)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString().ToLowerInvariant());
                current.Clear();
            }
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (!char.IsLetterOrDigit(c))
            {
                Flush();
                continue;
            }

            if (i > 0 && char.IsUpper(c) && current.Length > 0)
            {
                var previous = key[i - 1];
                var nextIsLower = i + 1 < key.Length && char.IsLower(key[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    Flush();
                }
            }

            current.Append(c);
        }

        Flush();
        return words;
    }
}
