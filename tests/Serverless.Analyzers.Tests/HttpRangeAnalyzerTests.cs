using Verify = Serverless.Analyzers.Tests.Infrastructure.Verifier<Serverless.Analyzers.HttpRouteAnalyzer>;

namespace Serverless.Analyzers.Tests;

/// <summary>SLS3017: a [Range] on an HTTP parameter or body property that the generated wrapper does not check, or that no value meets.</summary>
public class HttpRangeAnalyzerTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel.DataAnnotations;
        using Serverless;

        """;

    private const string NotChecked = "is not checked by the generated wrapper: ";

    [Fact]
    public Task RangesTheWrapperChecksAreNotReported() => Verify.VerifyAsync(Usings + """
        public static class Bounds { public const string Low = "1"; }

        public sealed record Booking(
            [Range(typeof(decimal), "0.01", "999.99")] decimal Price,
            [property: Range(typeof(DateOnly), "2024-01-01", "2024-12-31")] DateOnly? Day,
            [Range(1, 10)] int Nights)
        {
            [Range(typeof(TimeSpan), "00:15:00", "1.00:00:00")] public TimeSpan Length { get; init; }
            [Range(typeof(DateTimeOffset), "2024-01-01T00:00:00+02:00", "2025-01-01")] public DateTimeOffset Until { get; init; }
            [Range(0.5, 0.5)] public double Exact { get; init; }
        }

        public static class Api
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Post, "/bookings/{port}")]
            public static void Book(
                Booking booking,
                [Range(typeof(ushort), Bounds.Low, "65535")] ushort port,
                [Range(typeof(sbyte), " -128 ", "127")] sbyte offset = 0,
                [Range(typeof(ulong), "0", "18446744073709551615")] ulong big = 0,
                [Range(typeof(double), "-1e3", "1,000.5")] double? score = null,
                [Range(typeof(float), "0", "1")] float ratio = 0,
                [Range(typeof(DateTime), "2024-01-01", "2024-01-01T12:00:00Z")] DateTime? when = null,
                [Range(typeof(TimeOnly), "08:00", "17:30:15")] TimeOnly open = default,
                [Range(type: typeof(int), maximum: "5", minimum: "1")] int stars = 1,
                [Range(1, 5, MinimumIsExclusive = true)] int exclusive = 2,
                [Range(-0.5, 2.5)] decimal tilt = 0,
                [FromHeader("X-Day")] [Range(typeof(DateOnly), "2024-02-29", "2024-03-01")] DateOnly leap = default) { }
        }
        """);

    [Fact]
    public Task IntegerBoundsThatDoNotFitTheTypeAreReportedOnTheBound() => Verify.VerifyAsync(
        Usings + """
        public static class Api
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/items")]
            public static void List(
                [Range(typeof(int), "1", {|#0:"3000000000"|})] int page = 1,
                [Range(typeof(byte), {|#1:"-1"|}, "255")] byte shade = 0,
                [Range(typeof(long), {|#2:"1.5"|}, {|#3:"ten"|})] long size = 1) { }
        }
        """,
        Verify.Diagnostic("SLS3017").WithLocation(0).WithArguments("parameter 'page' of 'Api.List'",
            NotChecked + "'3000000000' is not a valid int in the invariant culture (a whole number from -2147483648 to 2147483647)"),
        Verify.Diagnostic("SLS3017").WithLocation(1).WithArguments("parameter 'shade' of 'Api.List'",
            NotChecked + "'-1' is not a valid byte in the invariant culture (a whole number from 0 to 255)"),
        Verify.Diagnostic("SLS3017").WithLocation(2).WithArguments("parameter 'size' of 'Api.List'",
            NotChecked + "'1.5' is not a valid long in the invariant culture (a whole number from -9223372036854775808 to 9223372036854775807)"),
        Verify.Diagnostic("SLS3017").WithLocation(3).WithArguments("parameter 'size' of 'Api.List'",
            NotChecked + "'ten' is not a valid long in the invariant culture (a whole number from -9223372036854775808 to 9223372036854775807)"));

    [Fact]
    public Task DecimalAndFloatingBoundsInAnotherCultureOrOutOfRangeAreReported() => Verify.VerifyAsync(
        Usings + """
        public static class Api
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/prices")]
            public static void Prices(
                [Range(typeof(decimal), {|#0:"0,01 €"|}, "10")] decimal price = 1,
                [Range(typeof(decimal), "0", {|#1:"1e30"|})] decimal huge = 0,
                [Range(typeof(double), {|#2:"NaN"|}, {|#3:"1e400"|})] double score = 0,
                [Range(typeof(float), "0", {|#4:null|})] float ratio = 0,
                [Range(typeof(decimal), {|#5:"0,01"|}, {|#6:"999,99"|})] decimal european = 1,
                [Range(typeof(double), {|#7:"1,5e3"|}, "12,345,678.5")] double grouped = 2000) { }
        }
        """,
        Verify.Diagnostic("SLS3017").WithLocation(0).WithArguments("parameter 'price' of 'Api.Prices'",
            NotChecked + "'0,01 €' is not a valid decimal in the invariant culture (a number such as 0.01, with '.' as the decimal point)"),
        Verify.Diagnostic("SLS3017").WithLocation(1).WithArguments("parameter 'huge' of 'Api.Prices'",
            NotChecked + "'1e30' is not a valid decimal in the invariant culture (a number such as 0.01, with '.' as the decimal point)"),
        Verify.Diagnostic("SLS3017").WithLocation(2).WithArguments("parameter 'score' of 'Api.Prices'",
            NotChecked + "'NaN' is not a valid double in the invariant culture (a finite number such as 0.5 or 1e3, with '.' as the decimal point)"),
        Verify.Diagnostic("SLS3017").WithLocation(3).WithArguments("parameter 'score' of 'Api.Prices'",
            NotChecked + "'1e400' is not a valid double in the invariant culture (a finite number such as 0.5 or 1e3, with '.' as the decimal point)"),
        Verify.Diagnostic("SLS3017").WithLocation(4).WithArguments("parameter 'ratio' of 'Api.Prices'",
            NotChecked + "null is not a valid float in the invariant culture (a finite number such as 0.5 or 1e3, with '.' as the decimal point)"),
        Verify.Diagnostic("SLS3017").WithLocation(5).WithArguments("parameter 'european' of 'Api.Prices'",
            "is checked against another bound than written: '0,01' reads as 1 in the invariant culture, where ',' separates thousands; write '.' for the decimal point"),
        Verify.Diagnostic("SLS3017").WithLocation(6).WithArguments("parameter 'european' of 'Api.Prices'",
            "is checked against another bound than written: '999,99' reads as 99999 in the invariant culture, where ',' separates thousands; write '.' for the decimal point"),
        Verify.Diagnostic("SLS3017").WithLocation(7).WithArguments("parameter 'grouped' of 'Api.Prices'",
            "is checked against another bound than written: '1,5e3' reads as 15000 in the invariant culture, where ',' separates thousands; write '.' for the decimal point"));

    [Fact]
    public Task DateAndTimeBoundsThatDoNotParseAreReported() => Verify.VerifyAsync(
        Usings + """
        public static class Api
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/slots/{day}")]
            public static void Slots(
                [Range(typeof(DateOnly), {|#0:"2024-02-30"|}, {|#1:"2024-12-31T10:00"|})] DateOnly day,
                [Range(typeof(TimeOnly), "08:00", {|#2:"25:00"|})] TimeOnly? from = null,
                [Range(typeof(DateTime), {|#3:"yesterday"|}, "2030-01-01")] DateTime after = default,
                [Range(typeof(DateTimeOffset), "2024-01-01", {|#4:"2024-13-01"|})] DateTimeOffset at = default,
                [Range(typeof(TimeSpan), {|#5:"1 hour"|}, "02:00")] TimeSpan length = default) { }
        }
        """,
        Verify.Diagnostic("SLS3017").WithLocation(0).WithArguments("parameter 'day' of 'Api.Slots'",
            NotChecked + "'2024-02-30' is not a valid DateOnly in the invariant culture (yyyy-MM-dd, without a time of day)"),
        Verify.Diagnostic("SLS3017").WithLocation(1).WithArguments("parameter 'day' of 'Api.Slots'",
            NotChecked + "'2024-12-31T10:00' is not a valid DateOnly in the invariant culture (yyyy-MM-dd, without a time of day)"),
        Verify.Diagnostic("SLS3017").WithLocation(2).WithArguments("parameter 'from' of 'Api.Slots'",
            NotChecked + "'25:00' is not a valid TimeOnly in the invariant culture (a time of day from 00:00 to 23:59:59.9999999, HH:mm[:ss[.fffffff]])"),
        Verify.Diagnostic("SLS3017").WithLocation(3).WithArguments("parameter 'after' of 'Api.Slots'",
            NotChecked + "'yesterday' is not a valid DateTime in the invariant culture (a date and time such as 2024-05-01 or 2024-05-01T10:30:00Z)"),
        Verify.Diagnostic("SLS3017").WithLocation(4).WithArguments("parameter 'at' of 'Api.Slots'",
            NotChecked + "'2024-13-01' is not a valid DateTimeOffset in the invariant culture (a date and time such as 2024-05-01T10:30:00+02:00; without an offset, UTC)"),
        Verify.Diagnostic("SLS3017").WithLocation(5).WithArguments("parameter 'length' of 'Api.Slots'",
            NotChecked + "'1 hour' is not a valid TimeSpan in the invariant culture (a duration such as 01:30:00 or 1.12:00:00, [-][d.]hh:mm[:ss[.fffffff]])"));

    [Fact]
    public Task OperandTypesTheWrapperCannotCheckAreReportedOnTheTypeof() => Verify.VerifyAsync(
        Usings + """
        public static class Api
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/things")]
            public static void Things(
                [Range({|#0:typeof(Guid)|}, "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff")] Guid id = default,
                [Range({|#1:typeof(long)|}, "1", "5")] int count = 1,
                [Range({|#2:typeof(string)|}, "a", "m")] string? name = null,
                [Range({|#3:typeof(int)|}, "1", "5")] int[]? pages = null,
                [Range({|#4:typeof(int)|}, "1", "5")] Guid other = default,
                [{|#5:Range(1, 5)|}] string? text = null,
                [{|#6:Range(1, 5)|}] DateOnly? day = null,
                [{|#7:Range(1, 5)|}] List<int>? sizes = null) { }
        }
        """,
        Verify.Diagnostic("SLS3017").WithLocation(0).WithArguments("parameter 'id' of 'Api.Things'",
            NotChecked + "typeof(Guid) is not a type whose ranges it can check; use a number, decimal, DateTime, DateTimeOffset, DateOnly, TimeOnly or TimeSpan"),
        Verify.Diagnostic("SLS3017").WithLocation(1).WithArguments("parameter 'count' of 'Api.Things'",
            NotChecked + "typeof(long) is not the value's type 'int'; use typeof(int)"),
        Verify.Diagnostic("SLS3017").WithLocation(2).WithArguments("parameter 'name' of 'Api.Things'",
            NotChecked + "typeof(string) is not a type whose ranges it can check; use a number, decimal, DateTime, DateTimeOffset, DateOnly, TimeOnly or TimeSpan"),
        Verify.Diagnostic("SLS3017").WithLocation(3).WithArguments("parameter 'pages' of 'Api.Things'",
            NotChecked + "the value is a collection, and a range applies to a single value"),
        Verify.Diagnostic("SLS3017").WithLocation(4).WithArguments("parameter 'other' of 'Api.Things'",
            NotChecked + "typeof(int) is not the value's type 'Guid'"),
        Verify.Diagnostic("SLS3017").WithLocation(5).WithArguments("parameter 'text' of 'Api.Things'",
            NotChecked + "'string' is not a number"),
        Verify.Diagnostic("SLS3017").WithLocation(6).WithArguments("parameter 'day' of 'Api.Things'",
            NotChecked + "'DateOnly' is not a number; write [Range(typeof(DateOnly), \"min\", \"max\")]"),
        Verify.Diagnostic("SLS3017").WithLocation(7).WithArguments("parameter 'sizes' of 'Api.Things'",
            NotChecked + "the value is a collection, and a range applies to a single value"));

    [Fact]
    public Task RangesNoValueMeetsAreReportedOnTheMinimum() => Verify.VerifyAsync(
        Usings + """
        public static class Api
        {
            [LambdaFunction]
            [HttpApi(HttpVerb.Get, "/reversed")]
            public static void Reversed(
                [Range({|#0:10|}, {|#10:1|})] int a = 1,
                [Range({|#1:2.5|}, {|#11:0.5|})] double b = 1,
                [Range(typeof(DateOnly), {|#2:"2024-12-31"|}, {|#12:"2024-01-01"|})] DateOnly c = default,
                [Range(typeof(decimal), maximum: {|#13:"0.01"|}, minimum: {|#3:"0.02"|})] decimal d = 0,
                [Range({|#4:5|}, 5, MaximumIsExclusive = true)] int e = 5,
                [Range(typeof(TimeSpan), {|#5:"01:00"|}, "01:00", MinimumIsExclusive = true, MaximumIsExclusive = true)] TimeSpan f = default,
                [Range(5, 5)] int g = 5,
                [Range(double.NaN, 1)] double h = 0) { }
        }
        """,
        Verify.Diagnostic("SLS3017").WithLocation(0).WithLocation(10).WithArguments("parameter 'a' of 'Api.Reversed'", "can never be met: the minimum '10' is above the maximum '1'"),
        Verify.Diagnostic("SLS3017").WithLocation(1).WithLocation(11).WithArguments("parameter 'b' of 'Api.Reversed'", "can never be met: the minimum '2.5' is above the maximum '0.5'"),
        Verify.Diagnostic("SLS3017").WithLocation(2).WithLocation(12).WithArguments("parameter 'c' of 'Api.Reversed'",
            "can never be met: the minimum '2024-12-31' is above the maximum '2024-01-01'"),
        Verify.Diagnostic("SLS3017").WithLocation(3).WithLocation(13).WithArguments("parameter 'd' of 'Api.Reversed'", "can never be met: the minimum '0.02' is above the maximum '0.01'"),
        Verify.Diagnostic("SLS3017").WithLocation(4).WithArguments("parameter 'e' of 'Api.Reversed'",
            "can never be met: the minimum and the maximum are both '5', and MaximumIsExclusive excludes it"),
        Verify.Diagnostic("SLS3017").WithLocation(5).WithArguments("parameter 'f' of 'Api.Reversed'",
            "can never be met: the minimum and the maximum are both '01:00', and MinimumIsExclusive and MaximumIsExclusive exclude it"));

    [Fact]
    public Task BodyPropertiesAreReportedOnceThoughSeveralFunctionsReadThem() => Verify.VerifyAsync(
        new[]
        {
            Usings + """
            public static class Api
            {
                [LambdaFunction] [HttpApi(HttpVerb.Post, "/orders")] public static void Create(NewOrder order) { }
                [LambdaFunction] [HttpApi(HttpVerb.Put, "/orders")] public static void Replace([FromBody] NewOrder order) { }
            }

            [LambdaFunction]
            public sealed class OrdersApi
            {
                [HttpApi(HttpVerb.Post, "/v2/orders")] public void Create(NewOrder order) { }
                [HttpApi(HttpVerb.Put, "/v2/orders")] public void Replace(NewOrder order) { }
            }
            """,
            Usings + """
            public sealed record NewOrder(
                [Range(typeof(int), "1", {|#0:"1e3"|})] int Quantity,
                [Range({|#1:typeof(double)|}, "0.01", "100")] decimal Price)
            {
                [Range(typeof(DateOnly), {|#2:"2024-12-31"|}, {|#4:"2024-01-01"|})] public DateOnly Day { get; init; }
                [Range(typeof(int), "1", "9")] public int Fine { get; init; }
                [{|#3:Range(1, 9)|}] public string[] Tags { get; init; } = [];
            }
            """,
        },
        Verify.Diagnostic("SLS3017").WithLocation(0).WithArguments("property 'NewOrder.Quantity'",
            NotChecked + "'1e3' is not a valid int in the invariant culture (a whole number from -2147483648 to 2147483647)"),
        Verify.Diagnostic("SLS3017").WithLocation(1).WithArguments("property 'NewOrder.Price'",
            NotChecked + "typeof(double) is not the value's type 'decimal'; use typeof(decimal)"),
        Verify.Diagnostic("SLS3017").WithLocation(2).WithLocation(4).WithArguments("property 'NewOrder.Day'",
            "can never be met: the minimum '2024-12-31' is above the maximum '2024-01-01'"),
        Verify.Diagnostic("SLS3017").WithLocation(3).WithArguments("property 'NewOrder.Tags'",
            NotChecked + "the value is a collection, and a range applies to a single value"));

    [Fact]
    public Task RangesOutsideHttpValuesAreNotReported() => Verify.VerifyAsync(Usings + """
        public sealed class Event { [Range(typeof(int), "1", "x")] public int Size { get; set; } }
        public sealed class Nested { [Range(10, 1)] public int Deep { get; set; } }
        public sealed class Outer { public Nested? Inner { get; set; } }

        public static class Functions
        {
            // Not an HTTP function: the event is not validated, so its [Range] is not the HTTP rule's business.
            [LambdaFunction] public static void Handle(Event e) { }

            // Only the body's own properties are validated; a property's type's properties are not.
            [LambdaFunction] [HttpApi(HttpVerb.Post, "/outer")] public static void Post(Outer outer) { }

            // Not a function at all.
            public static void NotAFunction([Range(typeof(int), "1", "x")] int value) { }
        }
        """);

    [Fact]
    public Task HalfTypedRangesAreLeftToTheCompiler() => Verify.VerifyAsync(Usings + """
        public sealed record Draft([Range(typeof(int), "1", )] int A, [Range(typeof(Missing), "1", "2")] int B)
        {
            [Range(typeof(int), , "5")] public int C { get; init; }
            [Range(10, )] public int D { get; init; }
        }

        public static class Api
        {
            static string N() => "1";

            [LambdaFunction]
            [HttpApi(HttpVerb.Post, "/drafts")]
            public static void Post(
                Draft draft,
                [Range(typeof(int), N(), "0")] int a = 1,
                [Range(typeof(decimal), 1, 2.5)] decimal b = 1,
                [Range(typeof(), "1", "2")] long c = 1,
                [Range(null, "2", "1")] long d = 1,
                [Range(typeof(int)] int e = 1,
                [Range(] int f = 1,
                [Range("5", "1")] int g = 1) { }
        }
        """,
        Error("CS1525", 5, 53),
        Error("CS0246", 5, 77),
        Error("CS1525", 7, 25),
        Error("CS1525", 8, 16),
        Error("CS0182", 19, 29),
        Error("CS1503", 20, 33),
        Error("CS1503", 20, 36),
        Error("CS1031", 21, 23),
        Error("CS1729", 23, 10),
        Error("CS1026", 23, 27),
        Error("CS1729", 24, 10),
        Error("CS1026", 24, 16),
        Error("CS1503", 25, 16),
        Error("CS1503", 25, 21));

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Error(string id, int line, int column) =>
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerError(id).WithLocation(line, column);
}
