using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Serverless.Runtime.Http;

namespace Serverless.Runtime.Tests;

public sealed partial class HttpBinderTests
{
    private readonly BindingErrors _errors = new();

    [Fact]
    public void Scalars_parse_with_the_invariant_culture()
    {
        Assert.Equal("x y", HttpBinder.Parse<string>("x y", "s", _errors));
        Assert.True(HttpBinder.Parse<bool>("TRUE", "b", _errors));
        Assert.False(HttpBinder.Parse<bool>("false", "b", _errors));
        Assert.Equal((byte)255, HttpBinder.Parse<byte>("255", "n", _errors));
        Assert.Equal((sbyte)-8, HttpBinder.Parse<sbyte>("-8", "n", _errors));
        Assert.Equal((short)-300, HttpBinder.Parse<short>("-300", "n", _errors));
        Assert.Equal((ushort)60000, HttpBinder.Parse<ushort>("60000", "n", _errors));
        Assert.Equal(-5, HttpBinder.Parse<int>("-5", "n", _errors));
        Assert.Equal(4000000000u, HttpBinder.Parse<uint>("4000000000", "n", _errors));
        Assert.Equal(-9000000000L, HttpBinder.Parse<long>("-9000000000", "n", _errors));
        Assert.Equal(18000000000000000000UL, HttpBinder.Parse<ulong>("18000000000000000000", "n", _errors));
        Assert.Equal((Int128)1 << 100, HttpBinder.Parse<Int128>("1267650600228229401496703205376", "n", _errors));
        Assert.Equal(1.5f, HttpBinder.Parse<float>("1.5", "n", _errors));
        Assert.Equal(-2.5e3, HttpBinder.Parse<double>("-2.5e3", "n", _errors));
        Assert.Equal(12.34m, HttpBinder.Parse<decimal>("12.34", "n", _errors));
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), HttpBinder.Parse<Guid>("0f8fad5b-d9cb-469f-a165-70867728950e", "g", _errors));
        Assert.Equal('c', HttpBinder.Parse<char>("c", "c", _errors));
        Assert.Equal(TimeSpan.FromMinutes(90), HttpBinder.Parse<TimeSpan>("01:30:00", "t", _errors));
        Assert.False(_errors.HasErrors);
    }

    [Fact]
    public void Dates_and_times_are_ISO_8601()
    {
        var utc = HttpBinder.Parse<DateTime>("2024-05-01T10:30:00Z", "d", _errors);
        Assert.Equal(new DateTime(2024, 5, 1, 10, 30, 0, DateTimeKind.Utc), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
        Assert.Equal(new DateTime(2024, 5, 1), HttpBinder.Parse<DateTime>("2024-05-01", "d", _errors));
        Assert.Equal(new DateTime(2024, 5, 1, 10, 30, 0, 123), HttpBinder.Parse<DateTime>("2024-05-01T10:30:00.123", "d", _errors));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.FromHours(2)),
            HttpBinder.Parse<DateTimeOffset>("2024-05-01T10:30:00+02:00", "o", _errors));
        Assert.Equal(TimeSpan.Zero, HttpBinder.Parse<DateTimeOffset>("2024-05-01T10:30:00", "o", _errors).Offset);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.Zero), HttpBinder.Parse<DateTimeOffset>("2024-05-01T10:30Z", "o", _errors));
        Assert.Equal(new DateOnly(2024, 2, 29), HttpBinder.Parse<DateOnly>("2024-02-29", "day", _errors));
        Assert.Equal(new TimeOnly(7, 5), HttpBinder.Parse<TimeOnly>("07:05", "at", _errors));
        Assert.Equal(new TimeOnly(7, 5, 9, 500), HttpBinder.Parse<TimeOnly>("07:05:09.5", "at", _errors));
        Assert.False(_errors.HasErrors);
    }

    [Theory]
    [InlineData("01/02/2024")]
    [InlineData("2024-13-01")]
    [InlineData("May 1 2024")]
    public void Dates_that_are_not_ISO_are_refused(string value)
    {
        HttpBinder.Parse<DateTime>(value, "d", _errors);
        HttpBinder.Parse<DateOnly>(value, "day", _errors);

        Assert.Single(_errors["d"]);
        Assert.Single(_errors["day"]);
    }

    [Fact]
    public void Decimal_commas_are_not_thousands_separators()
    {
        HttpBinder.Parse<double>("1,5", "price", _errors);
        HttpBinder.Parse<decimal>("1,000", "amount", _errors);

        Assert.Equal(["The value '1,5' is not valid for price."], _errors["price"]);
        Assert.Single(_errors["amount"]);
    }

    [Fact]
    public void Enums_bind_by_name_ignoring_case_and_never_by_number()
    {
        Assert.Equal(Color.DarkBlue, HttpBinder.ParseEnum<Color>("darkblue", "color", _errors));
        Assert.Equal(Color.Green, HttpBinder.ParseEnumOptional<Color>(null, "color", _errors, Color.Green));
        Assert.Null(HttpBinder.ParseEnumNullable<Color>("", "color", _errors));
        Assert.Equal(Color.Red, HttpBinder.ParseEnumNullable<Color>("RED", "color", _errors));
        Assert.False(_errors.HasErrors);

        HttpBinder.ParseEnum<Color>("1", "a", _errors);
        HttpBinder.ParseEnum<Color>("Red,Green", "b", _errors);
        HttpBinder.ParseEnum<Color>("Purple", "c", _errors);
        HttpBinder.ParseEnum<Color>(null, "d", _errors);
        Assert.Equal(4, _errors.Count);
        Assert.Equal(["The d field is required."], _errors["d"]);
    }

    [Fact]
    public void Optional_and_nullable_forms()
    {
        Assert.Equal(10, HttpBinder.ParseOptional("", "page", _errors, 10));
        Assert.Equal(3, HttpBinder.ParseOptional("3", "page", _errors, 10));
        Assert.Null(HttpBinder.ParseOptional<string>(null, "q", _errors));
        Assert.Equal("", HttpBinder.ParseOptional<string>("", "q", _errors, "default"));
        Assert.Null(HttpBinder.ParseNullable<int>(null, "n", _errors));
        Assert.Equal(5, HttpBinder.ParseNullable<int>(null, "n", _errors, 5));
        Assert.Equal(7, HttpBinder.ParseNullable<int>("7", "n", _errors));
        Assert.Null(HttpBinder.ParseNullable<Guid>("", "g", _errors));
        Assert.False(_errors.HasErrors);

        Assert.Null(HttpBinder.ParseNullable<int>("x", "n", _errors));
        Assert.Equal(["The value 'x' is not valid for n."], _errors["n"]);
    }

    [Fact]
    public void Arrays_and_lists_come_from_repeated_and_comma_separated_values()
    {
        var request = HttpTestKit.Request(HttpTestKit.V2("GET", "/", "id=1&id=2,3&id=&color=red, green&tag=a&tag=b"));

        Assert.Equal([1, 2, 3], HttpBinder.ParseArray<int>(request.Query.GetValues("id"), "id", _errors));
        Assert.Equal([Color.Red, Color.Green], HttpBinder.ParseEnumList<Color>(request.Query.GetValues("color"), "color", _errors));
        Assert.Equal(["a", "b"], HttpBinder.ParseList<string>(request.Query.GetValues("tag"), "tag", _errors));
        Assert.Equal([Color.Red, Color.Green], HttpBinder.ParseEnumArray<Color>(request.Query.GetValues("color"), "color", _errors));
        Assert.Empty(HttpBinder.ParseArray<int>(request.Query.GetValues("none"), "none", _errors));
        Assert.False(_errors.HasErrors);

        HttpBinder.ParseArray<int>(["1,x", "y"], "ids", _errors);
        HttpBinder.ParseList<Guid>([], "keys", _errors, required: true);
        Assert.Equal(["The value 'x' is not valid for ids.", "The value 'y' is not valid for ids."], _errors["ids"]);
        Assert.Equal(["The keys field is required."], _errors["keys"]);
    }

    [Fact]
    public void Route_query_and_header_values_come_from_the_request()
    {
        var request = HttpTestKit.Request(HttpTestKit.V2("GET", "/orders/5", "page=2",
            headers: new Dictionary<string, string> { ["x-api-version"] = "3" },
            pathParameters: new Dictionary<string, string> { ["id"] = "5" }));

        Assert.Equal(5, HttpBinder.Parse<int>(request.RouteValues["id"], "id", _errors));
        Assert.Equal(2, HttpBinder.ParseOptional(request.Query["page"], "page", _errors, 1));
        Assert.Equal(3, HttpBinder.Parse<int>(request.Headers["X-Api-Version"], "X-Api-Version", _errors));
        Assert.False(_errors.HasErrors);
    }

    [Fact]
    public void Any_IParsable_type_binds_through_its_own_TryParse()
    {
        Assert.Equal(new Point(1, 2), HttpBinder.Parse<Point>("1;2", "p", _errors));
        HttpBinder.Parse<Point>("nope", "p", _errors);

        Assert.Equal(["The value 'nope' is not valid for p."], _errors["p"]);
    }

    [Fact]
    public void A_type_with_only_a_static_TryParse_binds_through_the_parser_the_wrapper_passes()
    {
        HttpValueParser<PartNumber> parser = static (string text, out PartNumber value) =>
        {
            var parsed = PartNumber.TryParse(text, out var result);
            value = result!;
            return parsed;
        };

        Assert.Equal(new PartNumber("AB-12"), HttpBinder.Parse("AB-12", "sku", _errors, parser));
        Assert.Equal(new PartNumber("CD-3"), HttpBinder.ParseOptional("CD-3", "alt", _errors, parser));
        Assert.Null(HttpBinder.ParseOptional(null, "alt", _errors, parser));
        Assert.Equal(new PartNumber("EF-4"), HttpBinder.ParseOptional("", "alt", _errors, parser, new PartNumber("EF-4")));
        Assert.Equal(["AB-1", "CD-2", "EF-3"], HttpBinder.ParseArray(["AB-1,CD-2", " EF-3 "], "skus", _errors, parser).Select(s => s.Code));
        Assert.Empty(HttpBinder.ParseList([], "skus", _errors, parser));
        Assert.False(_errors.HasErrors);

        HttpBinder.Parse(null, "sku", _errors, parser);
        HttpBinder.ParseOptional("ab", "alt", _errors, parser);
        HttpBinder.ParseList(["AB-1,x"], "skus", _errors, parser);
        HttpBinder.ParseArray([], "required", _errors, parser, required: true);

        Assert.Equal(["The sku field is required."], _errors["sku"]);
        Assert.Equal(["The value 'ab' is not valid for alt."], _errors["alt"]);
        Assert.Equal(["The value 'x' is not valid for skus."], _errors["skus"]);
        Assert.Equal(["The required field is required."], _errors["required"]);
    }

    [Fact]
    public void A_nullable_value_type_with_only_a_static_TryParse_is_null_when_absent_or_wrong()
    {
        HttpValueParser<Weight> parser = static (string text, out Weight value) => Weight.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out value);

        Assert.Equal(new Weight(1.5m), HttpBinder.ParseNullable("1.5kg", "w", _errors, parser));
        Assert.Null(HttpBinder.ParseNullable(null, "w", _errors, parser));
        Assert.Equal(new Weight(2m), HttpBinder.ParseNullable("", "w", _errors, parser, new Weight(2m)));
        Assert.False(_errors.HasErrors);

        Assert.Null(HttpBinder.ParseNullable("heavy", "w", _errors, parser));
        Assert.Equal(["The value 'heavy' is not valid for w."], _errors["w"]);
    }

    [Fact]
    public void Typed_ranges_show_their_bounds_as_written()
    {
        var min = new DateOnly(2024, 1, 1);
        var max = new DateOnly(2024, 12, 31);
        Assert.True(HttpValidation.Range(new DateOnly(2024, 6, 1), min, max, "2024-01-01", "2024-12-31", "day", _errors));
        Assert.True(HttpValidation.Range(max, min, max, "2024-01-01", "2024-12-31", "day", _errors));
        Assert.True(HttpValidation.Range((DateOnly?)null, min, max, "2024-01-01", "2024-12-31", "day", _errors));
        Assert.False(_errors.HasErrors);

        Assert.False(HttpValidation.Range(new DateOnly(2025, 1, 1), min, max, "2024-01-01", "2024-12-31", "day", _errors));
        Assert.False(HttpValidation.Range((decimal?)1000.5m, 0.01m, 999.99m, "0.01", "999.99", "price", _errors));
        Assert.False(HttpValidation.Range(0m, 0.01m, 999.99m, "0.01", "999.99", "custom", _errors, "{0}: {1} to {2}"));

        Assert.Equal(["The field day must be between 2024-01-01 and 2024-12-31."], _errors["day"]);
        Assert.Equal(["The field price must be between 0.01 and 999.99."], _errors["price"]);
        Assert.Equal(["custom: 0.01 to 999.99"], _errors["custom"]);
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Exclusive_range_ends_behave_and_read_as_the_attribute(bool minimumIsExclusive, bool maximumIsExclusive)
    {
        var attribute = new System.ComponentModel.DataAnnotations.RangeAttribute(1, 10)
        {
            MinimumIsExclusive = minimumIsExclusive,
            MaximumIsExclusive = maximumIsExclusive,
        };
        foreach (var value in new[] { 0, 1, 5, 10, 11 })
        {
            Assert.Equal(attribute.IsValid(value), HttpValidation.Range(value, 1, 10, "qty", new BindingErrors(), null, minimumIsExclusive, maximumIsExclusive));
            Assert.Equal(attribute.IsValid(value), HttpValidation.Range((int?)value, 1, 10, "1", "10", "qty", new BindingErrors(), null, minimumIsExclusive, maximumIsExclusive));
        }

        HttpValidation.Range(11, 1, 10, "qty", _errors, minimumIsExclusive: minimumIsExclusive, maximumIsExclusive: maximumIsExclusive);
        Assert.Equal([attribute.FormatErrorMessage("qty")], _errors["qty"]);
    }

    [Fact]
    public void Several_mistakes_give_one_problem_that_lists_them_all()
    {
        var request = HttpTestKit.Request(HttpTestKit.V2("POST", "/orders/abc", "page=x&since=yesterday&color=purple",
            body: """{"product":"","quantity":"many"}""", pathParameters: new Dictionary<string, string> { ["id"] = "abc" }));

        HttpBinder.Parse<Guid>(request.RouteValues["id"], "id", _errors);
        HttpBinder.ParseOptional(request.Query["page"], "page", _errors, 1);
        HttpBinder.ParseNullable<DateTimeOffset>(request.Query["since"], "since", _errors);
        HttpBinder.ParseEnumOptional(request.Query["color"], "color", _errors, Color.Red);
        HttpBinder.Parse<int>(request.Headers["x-tenant"], "x-tenant", _errors);
        HttpBinder.Body(request, HttpTestJson.Default.NewOrder, _errors);

        var response = HttpTestKit.Render(_errors.ToResult());
        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        var problem = HttpTestKit.Body(response);
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.GetProperty("type").GetString());
        Assert.Equal("One or more validation errors occurred.", problem.GetProperty("title").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var errors = problem.GetProperty("errors");
        Assert.Equal(["id", "page", "since", "color", "x-tenant", "$.quantity"], errors.EnumerateObject().Select(p => p.Name));
        Assert.Equal("The value 'abc' is not valid for id.", errors.GetProperty("id")[0].GetString());
        Assert.Equal("The x-tenant field is required.", errors.GetProperty("x-tenant")[0].GetString());
        Assert.Equal("The value is not valid for this field.", errors.GetProperty("$.quantity")[0].GetString());
    }

    [Fact]
    public void Body_binding_decodes_base64_and_reports_empty_and_null_bodies()
    {
        var request = HttpTestKit.Request(HttpTestKit.V2("POST", "/", body: """{"product":"tea","quantity":2}""", base64: true));
        Assert.Equal(new NewOrder("tea", 2), HttpBinder.Body(request, HttpTestJson.Default.NewOrder, _errors));

        HttpBinder.Body(HttpTestKit.Request(HttpTestKit.V2("POST", "/")), HttpTestJson.Default.NewOrder, _errors);
        HttpBinder.Body(HttpTestKit.Request(HttpTestKit.V2("POST", "/", body: "null")), HttpTestJson.Default.NewOrder, _errors, field: "order");
        Assert.Null(HttpBinder.Body(HttpTestKit.Request(HttpTestKit.V2("POST", "/", body: " ")), HttpTestJson.Default.NewOrder, _errors, required: false));
        HttpBinder.Body(HttpTestKit.Request(HttpTestKit.V2("POST", "/", body: "{oops")), HttpTestJson.Default.NewOrder, _errors);

        Assert.Equal(["A non-empty request body is required."], _errors["body"]);
        Assert.Equal(["A non-empty request body is required."], _errors["order"]);
        var syntax = Assert.Single(_errors["$"]);
        Assert.DoesNotContain("LineNumber", syntax, StringComparison.Ordinal);
        Assert.DoesNotContain("NewOrder", syntax, StringComparison.Ordinal);
        Assert.EndsWith(".", syntax, StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_helpers_follow_the_DataAnnotations_rules_and_messages()
    {
        Assert.True(HttpValidation.Required("x", "name", _errors));
        Assert.False(HttpValidation.Required(" ", "name", _errors));
        Assert.False(HttpValidation.Required((NewOrder?)null, "order", _errors));
        Assert.False(HttpValidation.Required((int?)null, "count", _errors));
        Assert.True(HttpValidation.Range(5, 1, 10, "qty", _errors));
        Assert.False(HttpValidation.Range(11, 1, 10, "qty", _errors));
        Assert.False(HttpValidation.Range(0.5, 1.0, 2.0, "ratio", _errors));
        Assert.False(HttpValidation.Range(100.01m, 0m, 100m, "price", _errors));
        Assert.True(HttpValidation.Range((int?)null, 1, 10, "opt", _errors));
        Assert.False(HttpValidation.Range((int?)0, 1, 10, "opt", _errors));
        Assert.True(HttpValidation.StringLength(null, 5, 0, "code", _errors));
        Assert.False(HttpValidation.StringLength("toolong", 5, 0, "code", _errors));
        Assert.False(HttpValidation.StringLength("a", 5, 2, "code2", _errors));
        Assert.False(HttpValidation.MinLength("ab", 3, "nick", _errors));
        Assert.False(HttpValidation.MinLength(new[] { 1 }, 2, "ids", _errors));
        Assert.False(HttpValidation.MaxLength("abcd", 3, "tag", _errors));
        Assert.False(HttpValidation.MaxLength(new List<string> { "a", "b" }, 1, "tags", _errors));
        Assert.True(HttpValidation.MaxLength((string[]?)null, 1, "none", _errors));
        Assert.True(HttpValidation.RegularExpression("AB-12", Sku(), "sku", _errors));
        Assert.True(HttpValidation.RegularExpression("", Sku(), "sku", _errors));
        Assert.False(HttpValidation.RegularExpression("xAB-12", Sku(), "sku", _errors));
        Assert.True(HttpValidation.EmailAddress("ada@example.com", "email", _errors));
        Assert.True(HttpValidation.EmailAddress(null, "email", _errors));
        Assert.False(HttpValidation.EmailAddress("@example.com", "e1", _errors));
        Assert.False(HttpValidation.EmailAddress("ada@", "e2", _errors));
        Assert.False(HttpValidation.EmailAddress("a@b@c", "e3", _errors));
        Assert.False(HttpValidation.EmailAddress("ada", "e4", _errors));
        Assert.False(HttpValidation.EmailAddress("a@b\nc", "e5", _errors));
        Assert.False(HttpValidation.Range(20, 1, 10, "custom", _errors, "{0} must be {1}..{2}"));

        Assert.Equal(["The name field is required."], _errors["name"]);
        Assert.Equal(["The field qty must be between 1 and 10."], _errors["qty"]);
        Assert.Equal(["The field ratio must be between 1 and 2."], _errors["ratio"]);
        Assert.Equal(["The field code must be a string with a maximum length of 5."], _errors["code"]);
        Assert.Equal(["The field code2 must be a string with a minimum length of 2 and a maximum length of 5."], _errors["code2"]);
        Assert.Equal(["The field nick must be a string or array type with a minimum length of '3'."], _errors["nick"]);
        Assert.Equal(["The field tags must be a string or array type with a maximum length of '1'."], _errors["tags"]);
        Assert.Equal(["The field sku must match the regular expression '^[A-Z]{2}-\\d+$'."], _errors["sku"]);
        Assert.Equal(["The e1 field is not a valid e-mail address."], _errors["e1"]);
        Assert.Equal(["custom must be 1..10"], _errors["custom"]);
        Assert.Equal(20, _errors.Count);
    }

    [Fact]
    public void The_EmailAddress_rule_is_the_one_of_the_attribute()
    {
        var attribute = new System.ComponentModel.DataAnnotations.EmailAddressAttribute();
        foreach (var value in new[] { "a@b", "@b", "a@", "a@@b", "a@b@c", "ab", "a b@c", "a@b\r", "é@ü" })
        {
            Assert.Equal(attribute.IsValid(value), HttpValidation.EmailAddress(value, "e", new BindingErrors()));
        }
    }

    [GeneratedRegex(@"^[A-Z]{2}-\d+$")]
    private static partial Regex Sku();

    // No IParsable<T>: bound through an HttpValueParser<T>, as generated wrappers do.
    private sealed record PartNumber(string Code)
    {
        public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PartNumber? sku)
        {
            sku = text is { Length: >= 4 } && text[2] == '-' ? new PartNumber(text) : null;
            return sku is not null;
        }
    }

    private readonly record struct Weight(decimal Kilograms)
    {
        public static bool TryParse(string text, IFormatProvider? provider, out Weight weight)
        {
            var ok = text.EndsWith("kg", StringComparison.Ordinal) && decimal.TryParse(text[..^2], System.Globalization.NumberStyles.Number, provider, out var kg);
            weight = ok ? new Weight(decimal.Parse(text[..^2], provider)) : default;
            return ok;
        }
    }

    private readonly record struct Point(int X, int Y) : IParsable<Point>
    {
        public static Point Parse(string s, IFormatProvider? provider) =>
            TryParse(s, provider, out var p) ? p : throw new FormatException();

        public static bool TryParse(string? s, IFormatProvider? provider, out Point result)
        {
            var parts = s?.Split(';');
            if (parts is { Length: 2 } && int.TryParse(parts[0], provider, out var x) && int.TryParse(parts[1], provider, out var y))
            {
                result = new Point(x, y);
                return true;
            }

            result = default;
            return false;
        }
    }
}
