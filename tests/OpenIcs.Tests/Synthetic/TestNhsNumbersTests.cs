using OpenIcs.Synthetic;

namespace OpenIcs.Tests.Synthetic;

public class TestNhsNumbersTests
{
    [Fact]
    public void The_published_example_passes_Modulus_11_and_a_changed_digit_fails()
    {
        Assert.True(TestNhsNumbers.IsValid("9434765919"));
        Assert.False(TestNhsNumbers.IsValid("9434765918"));
        Assert.False(TestNhsNumbers.IsValid("943476591"));
        Assert.False(TestNhsNumbers.IsValid("94347659x9"));
    }

    [Fact]
    public void A_body_whose_remainder_gives_ten_has_no_check_digit()
    {
        // 9 digits whose weighted sum leaves remainder 1: 11 - 1 = 10, never issued.
        Assert.Equal(-1, TestNhsNumbers.CheckDigit("000000006"));
        Assert.Equal(0, TestNhsNumbers.CheckDigit("000000000"));
    }

    [Fact]
    public void The_first_900000_people_get_distinct_valid_numbers_in_the_reserved_999_range()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < TestNhsNumbers.PerPrefix; i++)
        {
            var number = TestNhsNumbers.ForIndex(i);
            Assert.StartsWith("999", number, StringComparison.Ordinal);
            Assert.True(TestNhsNumbers.IsValid(number), number);
            Assert.True(seen.Add(number), $"{number} was issued twice");
        }
    }

    [Fact]
    public void Larger_runs_continue_into_998_and_stop_at_the_capacity()
    {
        Assert.StartsWith("998", TestNhsNumbers.ForIndex(TestNhsNumbers.PerPrefix), StringComparison.Ordinal);
        Assert.StartsWith("900", TestNhsNumbers.ForIndex(TestNhsNumbers.Capacity - 1), StringComparison.Ordinal);
        Assert.True(TestNhsNumbers.IsValid(TestNhsNumbers.ForIndex(TestNhsNumbers.Capacity - 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestNhsNumbers.ForIndex(TestNhsNumbers.Capacity));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestNhsNumbers.ForIndex(-1));
    }
}
