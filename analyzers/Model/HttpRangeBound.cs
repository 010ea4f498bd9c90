using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>
/// A bound of <c>[Range(typeof(T), "min", "max")]</c> parsed at compile time with the invariant culture into a C#
/// expression of <c>T</c>, so the wrapper neither parses it at run time nor can fail on it there. Numbers, decimal,
/// DateTime, DateTimeOffset (no offset: UTC, as the binder reads values), DateOnly, TimeOnly and TimeSpan; null for
/// other types and for text that does not parse (the attribute is then not checked).
/// </summary>
internal static class HttpRangeBound
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;
    private const NumberStyles Float = NumberStyles.Float | NumberStyles.AllowThousands;

    /// <summary>The bound as a C# expression of <paramref name="type"/>, or null.</summary>
    public static string? Parse(ITypeSymbol type, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        var name = TypeRef.From(type).FullyQualifiedName;
        switch (type.SpecialType)
        {
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_Int32:
            case SpecialType.System_Int64:
                return long.TryParse(text, Integer, invariant, out var signed) && Fits(type.SpecialType, signed)
                    ? "(" + name + ")(" + signed.ToString(invariant) + "L)"
                    : null;
            case SpecialType.System_Byte:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
                return ulong.TryParse(text, Integer & ~NumberStyles.AllowLeadingSign, invariant, out var unsigned) && Fits(type.SpecialType, unsigned)
                    ? "(" + name + ")(" + unsigned.ToString(invariant) + "UL)"
                    : null;
            case SpecialType.System_Single:
                return float.TryParse(text, Float, invariant, out var single) && !float.IsNaN(single) && !float.IsInfinity(single)
                    ? single.ToString("R", invariant) + "F"
                    : null;
            case SpecialType.System_Double:
                return double.TryParse(text, Float, invariant, out var number) && !double.IsNaN(number) && !double.IsInfinity(number)
                    ? number.ToString("R", invariant) + "D"
                    : null;
            case SpecialType.System_Decimal:
                return decimal.TryParse(text, Float, invariant, out var money) ? money.ToString(invariant) + "M" : null;
            case SpecialType.System_DateTime:
                // An offset or Z becomes UTC, never the build machine's local time.
                return DateTime.TryParse(text, invariant, DateTimeStyles.AdjustToUniversal, out var time)
                    ? "new global::System.DateTime(" + time.Ticks.ToString(invariant) + "L, global::System.DateTimeKind." + time.Kind + ")"
                    : null;
        }

        if (type is not INamedTypeSymbol { ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named)
        {
            return null;
        }

        switch (named.MetadataName)
        {
            case "DateTimeOffset":
                return DateTimeOffset.TryParse(text, invariant, DateTimeStyles.AssumeUniversal, out var moment)
                    ? "new global::System.DateTimeOffset(" + moment.Ticks.ToString(invariant) + "L, new global::System.TimeSpan("
                        + moment.Offset.Ticks.ToString(invariant) + "L))"
                    : null;
            case "DateOnly":
                // netstandard2.0 has no DateOnly: a date without a time of day, read as a DateTime.
                return DateTime.TryParse(text, invariant, DateTimeStyles.None, out var day) && day.TimeOfDay == TimeSpan.Zero
                    ? "new global::System.DateOnly(" + day.Year.ToString(invariant) + ", " + day.Month.ToString(invariant) + ", " + day.Day.ToString(invariant) + ")"
                    : null;
            case "TimeOnly":
                return TimeSpan.TryParse(text, invariant, out var clock) && clock >= TimeSpan.Zero && clock < TimeSpan.FromDays(1)
                    ? "new global::System.TimeOnly(" + clock.Ticks.ToString(invariant) + "L)"
                    : null;
            case "TimeSpan":
                return TimeSpan.TryParse(text, invariant, out var span)
                    ? "new global::System.TimeSpan(" + span.Ticks.ToString(invariant) + "L)"
                    : null;
            default:
                return null;
        }
    }

    private static bool Fits(SpecialType type, long value) => type switch
    {
        SpecialType.System_SByte => value is >= sbyte.MinValue and <= sbyte.MaxValue,
        SpecialType.System_Int16 => value is >= short.MinValue and <= short.MaxValue,
        SpecialType.System_Int32 => value is >= int.MinValue and <= int.MaxValue,
        _ => true,
    };

    private static bool Fits(SpecialType type, ulong value) => type switch
    {
        SpecialType.System_Byte => value <= byte.MaxValue,
        SpecialType.System_UInt16 => value <= ushort.MaxValue,
        SpecialType.System_UInt32 => value <= uint.MaxValue,
        _ => true,
    };
}
