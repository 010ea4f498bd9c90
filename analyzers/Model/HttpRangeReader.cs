using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Serverless.Analyzers.Diagnostics;

namespace Serverless.Analyzers.Model;

/// <summary>
/// Reads a <c>[Range]</c> on an HTTP value (a parameter bound from the route, query or a header, or a property of the
/// body) into the check the generated wrapper makes. When the wrapper cannot make it — a bound that does not parse as
/// the operand type, an operand type it cannot compare or that is not the value's, a collection — the range is not
/// checked, and with a <see cref="HttpRangeTarget"/> that is SLS3017, on the argument at fault; so is a range no value
/// can meet (the minimum above the maximum, or equal bounds one of which is exclusive), which is checked as written, and
/// a number bound whose ',' the invariant culture takes for a thousands separator ("0,01" is 1).
/// Attributes the compiler reports (no matching constructor, non-constant or missing arguments) are skipped quietly.
/// </summary>
internal static class HttpRangeReader
{
    private const string NotChecked = "is not checked by the generated wrapper: ";
    private const string NeverMet = "can never be met: ";
    private const string InCollection = "the value is a collection, and a range applies to a single value";

    /// <summary>The check, or null when the wrapper makes none; SLS3017 into <paramref name="target"/>'s bag when it has one.</summary>
    public static HttpValidationSpec? Read(AttributeData attribute, ITypeSymbol valueType, HttpCollectionKind collection, HttpRangeTarget? target)
    {
        var message = attribute.NamedString("ErrorMessage");
        var spec = attribute.ConstructorArguments.Length switch
        {
            2 => ReadNumeric(attribute, valueType, collection, message, target),
            3 => ReadTyped(attribute, valueType, collection, message, target),
            _ => null,
        };
        return spec is null ? null : spec with
        {
            MinimumIsExclusive = attribute.NamedArgument("MinimumIsExclusive")?.Value is true,
            MaximumIsExclusive = attribute.NamedArgument("MaximumIsExclusive")?.Value is true,
        };
    }

    /// <summary><c>[Range(1, 10)]</c> and <c>[Range(0.5, 9.5)]</c>: checked on a single number.</summary>
    private static HttpValidationSpec? ReadNumeric(AttributeData attribute, ITypeSymbol valueType, HttpCollectionKind collection, string? message, HttpRangeTarget? target)
    {
        if (attribute.ConstructorArgument(0) is not { Value: { } min and (int or double) }
            || attribute.ConstructorArgument(1) is not { Value: { } max and (int or double) })
        {
            return null;
        }

        if (collection != HttpCollectionKind.None || !HttpReader.IsNumber(valueType.SpecialType))
        {
            if (target is not null)
            {
                var why = collection != HttpCollectionKind.None
                    ? InCollection
                    : "'" + Display(valueType) + "' is not a number"
                        + (HttpRangeBound.Expected(valueType) is null ? "" : "; write [Range(typeof(" + Display(valueType) + "), \"min\", \"max\")]");
                Report(target, LocationInfo.From(attribute.ApplicationSyntaxReference), NotChecked + why);
            }

            return null;
        }

        var minimum = Convert.ToDouble(min, CultureInfo.InvariantCulture);
        var maximum = Convert.ToDouble(max, CultureInfo.InvariantCulture);
        if (target is not null && !double.IsNaN(minimum) && !double.IsNaN(maximum))
        {
            CheckOrder(attribute, minimum.CompareTo(maximum), Format(min), Format(max), target);
        }

        var operand = NumericOperand(valueType.SpecialType, min, max);
        var typeName = operand ?? TypeRef.From(valueType).FullyQualifiedName;
        return new HttpValidationSpec(HttpValidationKind.Range,
            EquatableArray.Create(HttpReader.Cast(typeName, HttpReader.Number(min)), HttpReader.Cast(typeName, HttpReader.Number(max))), message)
        {
            OperandType = operand is null ? null : typeName,
        };
    }

    /// <summary>
    /// The type a numeric range compares in when the value's own cannot hold the bounds exactly (null: its own): double
    /// bounds compare in double (as DataAnnotations does; a decimal in its own type); int bounds outside an integer type's range in long (ulong:
    /// decimal), so no bound is ever cut to fit the value's type.
    /// </summary>
    private static string? NumericOperand(SpecialType value, object min, object max)
    {
        if (min is double || max is double)
        {
            // A decimal holds finite double bounds of its range exactly enough and compares without rounding the value.
            var inDecimal = value == SpecialType.System_Decimal && InDecimalRange(min) && InDecimalRange(max);
            return value == SpecialType.System_Double || inDecimal ? null : "double";
        }

        // int, long, float, double and decimal hold every int bound; the smaller and unsigned types may not.
        (long Min, long Max) range = value switch
        {
            SpecialType.System_SByte => (sbyte.MinValue, sbyte.MaxValue),
            SpecialType.System_Byte => (byte.MinValue, byte.MaxValue),
            SpecialType.System_Int16 => (short.MinValue, short.MaxValue),
            SpecialType.System_UInt16 => (ushort.MinValue, ushort.MaxValue),
            SpecialType.System_UInt32 or SpecialType.System_UInt64 => (0, long.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        var fits = Fits(min) && Fits(max);
        return fits ? null : value == SpecialType.System_UInt64 ? "decimal" : "long";

        bool Fits(object bound) => Convert.ToInt64(bound, CultureInfo.InvariantCulture) is var b && b >= range.Min && b <= range.Max;
    }

    private static bool InDecimalRange(object bound) =>
        Convert.ToDouble(bound, CultureInfo.InvariantCulture) is var d && !double.IsNaN(d) && Math.Abs(d) < 7.9e28;

    /// <summary><c>[Range(typeof(T), "min", "max")]</c>: checked on a single value of <c>T</c>, with bounds parsed here.</summary>
    private static HttpValidationSpec? ReadTyped(AttributeData attribute, ITypeSymbol valueType, HttpCollectionKind collection, string? message, HttpRangeTarget? target)
    {
        if (attribute.ConstructorArgument(0) is not { Kind: TypedConstantKind.Type, Value: ITypeSymbol operandType } || operandType.ContainsErrors()
            || attribute.ConstructorArgument(1) is not { Kind: TypedConstantKind.Primitive } minArgument || minArgument.Value is not (null or string)
            || attribute.ConstructorArgument(2) is not { Kind: TypedConstantKind.Primitive } maxArgument || maxArgument.Value is not (null or string))
        {
            return null;
        }

        var operand = operandType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var value = valueType.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        var expected = HttpRangeBound.Expected(value);
        string? why = null;
        if (collection != HttpCollectionKind.None)
        {
            why = InCollection;
        }
        else if (!SymbolEqualityComparer.Default.Equals(operand, value))
        {
            why = "typeof(" + Display(operand) + ") is not the value's type '" + Display(value) + "'"
                + (expected is null ? "" : "; use typeof(" + Display(value) + ")");
        }
        else if (expected is null)
        {
            why = "typeof(" + Display(operand) + ") is not a type whose ranges it can check; use a number, decimal, DateTime, DateTimeOffset, "
                + "DateOnly, TimeOnly or TimeSpan";
        }

        if (why is not null)
        {
            if (target is not null)
            {
                Report(target, attribute.ConstructorArgumentLocation(0, "type", target.CancellationToken), NotChecked + why);
            }

            return null;
        }

        var minText = minArgument.Value as string;
        var maxText = maxArgument.Value as string;
        var minimum = minText is null ? null : HttpRangeBound.Parse(value, minText);
        var maximum = maxText is null ? null : HttpRangeBound.Parse(value, maxText);
        if (target is not null)
        {
            if (minimum is null)
            {
                Report(target, attribute.ConstructorArgumentLocation(1, "minimum", target.CancellationToken), NotChecked + Invalid(minText, value, expected!));
            }

            if (maximum is null)
            {
                Report(target, attribute.ConstructorArgumentLocation(2, "maximum", target.CancellationToken), NotChecked + Invalid(maxText, value, expected!));
            }

            CheckSeparators(attribute, 1, "minimum", minText, minimum, target);
            CheckSeparators(attribute, 2, "maximum", maxText, maximum, target);
            if (minimum is { } low && maximum is { } high)
            {
                CheckOrder(attribute, low.Value.CompareTo(high.Value), minText!, maxText!, target);
            }
        }

        return minimum is { } from && maximum is { } to
            ? new HttpValidationSpec(HttpValidationKind.Range, EquatableArray.Create(from.Expression, to.Expression,
                SymbolDisplay.FormatLiteral(minText!, quote: true), SymbolDisplay.FormatLiteral(maxText!, quote: true)), message)
            : null;
    }

    /// <summary>
    /// SLS3017 for bounds no value lies between: the minimum above the maximum (the fix swaps them, so the diagnostic
    /// carries the maximum as its additional location), or equal bounds of which one is exclusive.
    /// </summary>
    private static void CheckOrder(AttributeData attribute, int order, string minText, string maxText, HttpRangeTarget target)
    {
        var minExclusive = attribute.NamedArgument("MinimumIsExclusive")?.Value is true;
        var maxExclusive = attribute.NamedArgument("MaximumIsExclusive")?.Value is true;
        var index = attribute.ConstructorArguments.Length - 2;
        var ct = target.CancellationToken;
        if (order > 0)
        {
            var maxLocation = attribute.ConstructorArgumentLocation(index + 1, "maximum", ct);
            Report(target, attribute.ConstructorArgumentLocation(index, "minimum", ct),
                NeverMet + "the minimum '" + minText + "' is above the maximum '" + maxText + "'",
                maxLocation, new KeyValue(HttpPropertyNames.ReversedRange, "true"));
        }
        else if (order == 0 && (minExclusive || maxExclusive))
        {
            var excluding = minExclusive && maxExclusive ? "MinimumIsExclusive and MaximumIsExclusive exclude"
                : minExclusive ? "MinimumIsExclusive excludes" : "MaximumIsExclusive excludes";
            Report(target, attribute.ConstructorArgumentLocation(index, "minimum", ct),
                NeverMet + "the minimum and the maximum are both '" + minText + "', and " + excluding + " it");
        }
    }

    /// <summary>
    /// SLS3017 for a number whose ',' cannot be a thousands separator (<c>"0,01"</c>, <c>"999,99"</c>): the invariant
    /// culture reads it as one all the same (1, 99999), so the range checked is not the one meant.
    /// </summary>
    private static void CheckSeparators(AttributeData attribute, int index, string name, string? text, HttpRangeBound? bound, HttpRangeTarget target)
    {
        if (text is null || bound is not { Value: decimal or double or float } parsed || !MisgroupedThousands(text))
        {
            return;
        }

        Report(target, attribute.ConstructorArgumentLocation(index, name, target.CancellationToken),
            "is checked against another bound than written: '" + text + "' reads as " + Format(parsed.Value)
            + " in the invariant culture, where ',' separates thousands; write '.' for the decimal point");
    }

    /// <summary>Whether the integer part has a ',' that does not start a group of exactly three digits.</summary>
    private static bool MisgroupedThousands(string text)
    {
        var integer = text.Trim();
        var end = integer.IndexOfAny(new[] { '.', 'e', 'E' });
        if (end >= 0)
        {
            integer = integer.Substring(0, end);
        }

        var groups = integer.Split(',');
        for (var i = 1; i < groups.Length; i++)
        {
            if (groups[i].Length != 3)
            {
                return true;
            }
        }

        return false;
    }

    private static string Invalid(string? text, ITypeSymbol type, string expected) =>
        (text is null ? "null" : "'" + text + "'") + " is not a valid " + Display(type) + " in the invariant culture (" + expected + ")";

    // As a user writes it in code with the usual usings: int, DateOnly, List<int>.
    private static readonly SymbolDisplayFormat TypeFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(TypeFormat);

    private static string Format(object bound) => bound switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => bound.ToString() ?? "",
    };

    /// <summary>Adds SLS3017 where the attribute is written in source (an attribute of a referenced assembly is not the user's to fix).</summary>
    private static void Report(HttpRangeTarget target, LocationInfo? location, string reason, LocationInfo? additional = null, KeyValue? property = null)
    {
        if (location is null)
        {
            return;
        }

        var diagnostic = ModelDiagnostic.Create(DiagnosticDescriptors.UncheckableRange, location, target.Description, reason) with { Shared = target.Shared };
        if (additional is not null && property is { } p)
        {
            diagnostic = diagnostic with { AdditionalLocations = EquatableArray.Create(additional), Properties = EquatableArray.Create(p) };
        }

        target.Bag.Add(diagnostic);
    }
}
