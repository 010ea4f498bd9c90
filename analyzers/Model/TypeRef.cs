using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Serverless.Analyzers.Model;

/// <summary>
/// A type by name only. <see cref="FullyQualifiedName"/> is what generated code writes (<c>global::App.Order</c>,
/// <c>int?</c> for nullable value types; a nullable reference annotation is not part of it).
/// </summary>
public sealed record TypeRef(string FullyQualifiedName, string DisplayName)
{
    public static readonly SymbolDisplayFormat FullyQualifiedFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers | SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    // Display strings are the readers' largest cost; the same types (int, Guid, the app's body and result types) come up
    // in every function of a compilation, so each symbol's names are built once while it lives.
    private static readonly ConditionalWeakTable<ITypeSymbol, TypeRef> Known = new();

    public static TypeRef From(ITypeSymbol type)
    {
        if (type is null)
        {
            throw new ArgumentNullException(nameof(type));
        }

        return Known.GetValue(type, static symbol =>
        {
            var plain = symbol.IsReferenceType ? symbol.WithNullableAnnotation(NullableAnnotation.NotAnnotated) : symbol;
            return new TypeRef(plain.ToDisplayString(FullyQualifiedFormat), plain.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat));
        });
    }

    public override string ToString() => FullyQualifiedName;
}

/// <summary>A key and a value: an environment variable, a tag, a diagnostic property.</summary>
public sealed record KeyValue(string Key, string Value);
