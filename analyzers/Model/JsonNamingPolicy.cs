using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>System.Text.Json's <c>JsonKnownNamingPolicy</c> (same values).</summary>
public enum JsonNamingPolicyKind
{
    /// <summary>Names as declared.</summary>
    Unspecified = 0,
    CamelCase = 1,
    SnakeCaseLower = 2,
    SnakeCaseUpper = 3,
    KebabCaseLower = 4,
    KebabCaseUpper = 5,
}

/// <summary>
/// The property names System.Text.Json writes under a context's <c>[JsonSourceGenerationOptions]</c>: the known naming
/// policies, ported from System.Text.Json (JsonCamelCaseNamingPolicy, JsonSeparatorNamingPolicy) so the OpenAPI
/// document names properties as the app's JSON does.
/// </summary>
public static class JsonNamingPolicy
{
    private const int WebDefaults = 1;   // JsonSerializerDefaults.Web: camelCase

    /// <summary>The naming policy and enum setting of a context class's <c>[JsonSourceGenerationOptions]</c>.</summary>
    public static (JsonNamingPolicyKind Naming, bool EnumsAsStrings) ReadOptions(INamedTypeSymbol context)
    {
        var options = context.GetAttributes().FirstOrDefault(a => a.IsAttribute(JsonSchemaNames.JsonSourceGenerationOptionsAttribute));
        if (options is null)
        {
            return (JsonNamingPolicyKind.Unspecified, false);
        }

        var naming = options.ConstructorArgument(0) is { Value: int defaults } && defaults == WebDefaults
            ? JsonNamingPolicyKind.CamelCase
            : JsonNamingPolicyKind.Unspecified;
        if (options.NamedArgument("PropertyNamingPolicy") is { Value: { } policy })
        {
            var value = Convert.ToInt32(policy, CultureInfo.InvariantCulture);
            naming = value is >= 0 and <= 5 ? (JsonNamingPolicyKind)value : JsonNamingPolicyKind.Unspecified;
        }

        var enumsAsStrings = options.NamedArgument("UseStringEnumConverter") is { Value: true }
            || (options.NamedArgument("Converters") is { Kind: TypedConstantKind.Array } converters
                && converters.Values.Any(c => c.Value is INamedTypeSymbol t
                    && (t.Is(JsonSchemaNames.JsonStringEnumConverter) || t.OriginalDefinition.Is(JsonSchemaNames.JsonStringEnumConverterOfT))));
        return (naming, enumsAsStrings);
    }

    /// <summary>The name System.Text.Json writes for a member named <paramref name="name"/>.</summary>
    public static string Apply(JsonNamingPolicyKind policy, string name) => policy switch
    {
        JsonNamingPolicyKind.CamelCase => CamelCase(name),
        JsonNamingPolicyKind.SnakeCaseLower => Separated(name, '_', lowercase: true),
        JsonNamingPolicyKind.SnakeCaseUpper => Separated(name, '_', lowercase: false),
        JsonNamingPolicyKind.KebabCaseLower => Separated(name, '-', lowercase: true),
        JsonNamingPolicyKind.KebabCaseUpper => Separated(name, '-', lowercase: false),
        _ => name,
    };

    private static string CamelCase(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            // Stop at the last upper-case letter of a run that starts a new word ("URLValue" -> "urlValue").
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    private enum SeparatorState { NotStarted, UppercaseLetter, LowercaseLetterOrDigit, SpaceSeparator }

    private static string Separated(string name, char separator, bool lowercase)
    {
        var builder = new StringBuilder(name.Length + 8);
        var state = SeparatorState.NotStarted;
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            switch (char.GetUnicodeCategory(current))
            {
                case UnicodeCategory.UppercaseLetter:
                    switch (state)
                    {
                        case SeparatorState.LowercaseLetterOrDigit or SeparatorState.SpaceSeparator:
                            builder.Append(separator);
                            break;
                        case SeparatorState.UppercaseLetter when i + 1 < name.Length && char.IsLower(name[i + 1]):
                            builder.Append(separator);
                            break;
                    }

                    builder.Append(lowercase ? char.ToLowerInvariant(current) : current);
                    state = SeparatorState.UppercaseLetter;
                    break;
                case UnicodeCategory.LowercaseLetter or UnicodeCategory.DecimalDigitNumber:
                    if (state == SeparatorState.SpaceSeparator)
                    {
                        builder.Append(separator);
                    }

                    builder.Append(!lowercase && char.IsLower(current) ? char.ToUpperInvariant(current) : current);
                    state = SeparatorState.LowercaseLetterOrDigit;
                    break;
                case UnicodeCategory.SpaceSeparator:
                    if (state != SeparatorState.NotStarted)
                    {
                        state = SeparatorState.SpaceSeparator;
                    }

                    break;
                default:
                    builder.Append(current);
                    state = SeparatorState.NotStarted;
                    break;
            }
        }

        return builder.ToString();
    }
}
