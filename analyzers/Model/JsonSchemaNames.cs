namespace Serverless.Analyzers.Model;

/// <summary>Metadata names the JSON schema reader looks for (System.Text.Json and DataAnnotations).</summary>
internal static class JsonSchemaNames
{
    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string JsonIncludeAttribute = "System.Text.Json.Serialization.JsonIncludeAttribute";
    public const string JsonRequiredAttribute = "System.Text.Json.Serialization.JsonRequiredAttribute";
    public const string JsonExtensionDataAttribute = "System.Text.Json.Serialization.JsonExtensionDataAttribute";
    public const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";
    public const string JsonStringEnumConverter = "System.Text.Json.Serialization.JsonStringEnumConverter";
    public const string JsonStringEnumConverterOfT = "System.Text.Json.Serialization.JsonStringEnumConverter`1";
    public const string JsonStringEnumMemberNameAttribute = "System.Text.Json.Serialization.JsonStringEnumMemberNameAttribute";
    public const string JsonSourceGenerationOptionsAttribute = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";
    public const string LengthAttribute = "System.ComponentModel.DataAnnotations.LengthAttribute";

    public const string Guid = "System.Guid";
    public const string DateTimeOffset = "System.DateTimeOffset";
    public const string DateOnly = "System.DateOnly";
    public const string TimeOnly = "System.TimeOnly";
    public const string TimeSpan = "System.TimeSpan";
    public const string Uri = "System.Uri";
    public const string EnumerableOfT = "System.Collections.Generic.IEnumerable`1";
    public const string DictionaryInterface = "System.Collections.Generic.IDictionary`2";
    public const string ReadOnlyDictionaryInterface = "System.Collections.Generic.IReadOnlyDictionary`2";
    public const string MemoryOfT = "System.Memory`1";
}
