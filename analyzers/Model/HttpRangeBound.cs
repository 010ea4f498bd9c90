using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>
/// A bound of <c>[Range(typeof(T), "min", "max")]</c> parsed at compile time with the invariant culture into a C#
/// expression of <c>T</c>, so the wrapper neither parses it at run time nor can fail on it there. Numbers, decimal,
/// DateTime, DateTimeOffset (no offset: UTC, as the binder reads values), DateOnly, TimeOnly and TimeSpan. The parsed
/// value comes along so that the two bounds can be compared (SLS3017: a range no value meets).
/// </summary>
/// <param name="Expression">The bound as a C# expression of <c>T</c>.</param>
/// <param name="Value">The bound, comparable with the other bound of the same <c>T</c>.</param>
internal readonly record struct HttpRangeBound(string Expression, IComparable Value)
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign;
    private const NumberStyles Float = NumberStyles.Float | NumberStyles.AllowThousands;

    /// <summary>
    /// What text <see cref="Parse"/> accepts for <paramref name="type"/>, said for a person (SLS3017's message), or
    /// null when the wrapper cannot check a range of that type.
    /// </summary>
    public static string? Expected(ITypeSymbol type)
    {
        var invariant = CultureInfo.InvariantCulture;
        switch (type.SpecialType)
        {
            case SpecialType.System_SByte: return WholeNumber(sbyte.MinValue, (ulong)sbyte.MaxValue);
            case SpecialType.System_Int16: return WholeNumber(short.MinValue, (ulong)short.MaxValue);
            case SpecialType.System_Int32: return WholeNumber(int.MinValue, int.MaxValue);
            case SpecialType.System_Int64: return WholeNumber(long.MinValue, long.MaxValue);
            case SpecialType.System_Byte: return WholeNumber(0, byte.MaxValue);
            case SpecialType.System_UInt16: return WholeNumber(0, ushort.MaxValue);
            case SpecialType.System_UInt32: return WholeNumber(0, uint.MaxValue);
            case SpecialType.System_UInt64: return "a whole number from 0 to " + ulong.MaxValue.ToString(invariant);
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return "a finite number such as 0.5 or 1e3, with '.' as the decimal point";
            case SpecialType.System_Decimal:
                return "a number such as 0.01, with '.' as the decimal point";
            case SpecialType.System_DateTime:
                return "a date and time such as 2024-05-01 or 2024-05-01T10:30:00Z";
        }

        return SystemTypeName(type) switch
        {
            "DateTimeOffset" => "a date and time such as 2024-05-01T10:30:00+02:00; without an offset, UTC",
            "DateOnly" => "yyyy-MM-dd, without a time of day",
            "TimeOnly" => "a time of day from 00:00 to 23:59:59.9999999, HH:mm[:ss[.fffffff]]",
            "TimeSpan" => "a duration such as 01:30:00 or 1.12:00:00, [-][d.]hh:mm[:ss[.fffffff]]",
            _ => null,
        };

        static string WholeNumber(long min, ulong max) =>
            "a whole number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The bound, or null for a type <see cref="Expected"/> has no text for and for text that does not parse.</summary>
    public static HttpRangeBound? Parse(ITypeSymbol type, string text)
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
                    ? new HttpRangeBound("(" + name + ")(" + signed.ToString(invariant) + "L)", signed)
                    : null;
            case SpecialType.System_Byte:
            case SpecialType.System_UInt16:
            case SpecialType.System_UInt32:
            case SpecialType.System_UInt64:
                return ulong.TryParse(text, Integer & ~NumberStyles.AllowLeadingSign, invariant, out var unsigned) && Fits(type.SpecialType, unsigned)
                    ? new HttpRangeBound("(" + name + ")(" + unsigned.ToString(invariant) + "UL)", unsigned)
                    : null;
            case SpecialType.System_Single:
                return float.TryParse(text, Float, invariant, out var single) && !float.IsNaN(single) && !float.IsInfinity(single)
                    ? new HttpRangeBound(single.ToString("R", invariant) + "F", single)
                    : null;
            case SpecialType.System_Double:
                return double.TryParse(text, Float, invariant, out var number) && !double.IsNaN(number) && !double.IsInfinity(number)
                    ? new HttpRangeBound(number.ToString("R", invariant) + "D", number)
                    : null;
            case SpecialType.System_Decimal:
                return decimal.TryParse(text, Float, invariant, out var money) ? new HttpRangeBound(money.ToString(invariant) + "M", money) : null;
            case SpecialType.System_DateTime:
                // An offset or Z becomes UTC, never the build machine's local time.
                return DateTime.TryParse(text, invariant, DateTimeStyles.AdjustToUniversal, out var time)
                    ? new HttpRangeBound("new global::System.DateTime(" + time.Ticks.ToString(invariant) + "L, global::System.DateTimeKind." + time.Kind + ")", time)
                    : null;
        }

        switch (SystemTypeName(type))
        {
            case "DateTimeOffset":
                return DateTimeOffset.TryParse(text, invariant, DateTimeStyles.AssumeUniversal, out var moment)
                    ? new HttpRangeBound("new global::System.DateTimeOffset(" + moment.Ticks.ToString(invariant) + "L, new global::System.TimeSpan("
                        + moment.Offset.Ticks.ToString(invariant) + "L))", moment)
                    : null;
            case "DateOnly":
                // netstandard2.0 has no DateOnly: a date without a time of day, read as a DateTime.
                return DateTime.TryParse(text, invariant, DateTimeStyles.None, out var day) && day.TimeOfDay == TimeSpan.Zero
                    ? new HttpRangeBound("new global::System.DateOnly(" + day.Year.ToString(invariant) + ", " + day.Month.ToString(invariant) + ", "
                        + day.Day.ToString(invariant) + ")", day)
                    : null;
            case "TimeOnly":
                return TimeSpan.TryParse(text, invariant, out var clock) && clock >= TimeSpan.Zero && clock < TimeSpan.FromDays(1)
                    ? new HttpRangeBound("new global::System.TimeOnly(" + clock.Ticks.ToString(invariant) + "L)", clock)
                    : null;
            case "TimeSpan":
                return TimeSpan.TryParse(text, invariant, out var span)
                    ? new HttpRangeBound("new global::System.TimeSpan(" + span.Ticks.ToString(invariant) + "L)", span)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The metadata name of a type of namespace <c>System</c> (not nested), else null.</summary>
    private static string? SystemTypeName(ITypeSymbol type) =>
        type is INamedTypeSymbol { ContainingType: null, ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } named
            ? named.MetadataName
            : null;

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
