using CsCheck;
using OpenIcs.Record.Identity;
using OpenIcs.Testing;

namespace OpenIcs.Tests.Record;

public sealed class NhsNumberTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("943 476 5919")]
    [InlineData(" 9990000018 ")]
    public void TryParse_accepts_valid_numbers_with_or_without_spaces(string text)
    {
        Assert.True(NhsNumber.TryParse(text, out var number));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal), number.Digits);
    }

    [Theory]
    [InlineData("9434765918")] // wrong check digit
    [InlineData("943476591")] // nine digits
    [InlineData("94347659190")] // eleven digits
    [InlineData("94347659l9")] // a letter
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_rejects_a_wrong_check_digit_length_or_character(string? text) =>
        Assert.False(NhsNumber.TryParse(text, out _));

    [Fact]
    public void A_remainder_that_gives_check_digit_ten_is_never_valid()
    {
        // 1000000060: weights give a sum of 10 + 6*2*… ; find such a prefix by search to stay independent of hand arithmetic.
        var prefix = Enumerable.Range(100_000_000, 1000).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .First(p => NhsNumber.CheckDigit(p) == -1);
        Assert.All(Enumerable.Range(0, 10), d => Assert.False(NhsNumber.TryParse(prefix + d, out _)));
    }

    [Fact]
    public void Parse_names_the_rule_when_it_fails()
    {
        var error = Assert.Throws<FormatException>(() => NhsNumber.Parse("1234567890"));
        Assert.Equal("'1234567890' is not a valid NHS number: it must be 10 digits whose check digit passes Modulus 11.", error.Message);
    }

    [Fact]
    public void Every_single_digit_error_in_a_valid_number_is_detected() =>
        Gen.Int[0, 999_999_999].Sample(n =>
        {
            var number = RecordSamples.WithCheckDigit(n.ToString("D9", System.Globalization.CultureInfo.InvariantCulture));
            if (number.Length != 10)
                return true;
            Assert.True(NhsNumber.TryParse(number, out _));
            for (var position = 0; position < 10; position++)
            {
                for (var digit = '0'; digit <= '9'; digit++)
                {
                    if (digit == number[position])
                        continue;
                    var typo = number[..position] + digit + number[(position + 1)..];
                    if (NhsNumber.TryParse(typo, out _))
                        return false;
                }
            }

            return true;
        }, iter: 300);
}
