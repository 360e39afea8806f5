package fr.communitydefender.alerting.incident.internal;

/** Poisson tail probabilities, computed in log space so large counts and tiny probabilities stay exact enough. */
public final class Poisson {
  private Poisson() {}

  /** P(X ≥ k) for X ~ Poisson(λ). */
  public static double tail(long k, double lambda) {
    if (k <= 0) {
      return 1;
    }
    if (lambda <= 0) {
      return 0;
    }
    if (k <= lambda) {
      return 1 - cdf(k - 1, lambda); // the bulk: sum the (few) terms below k instead
    }
    double logTerm = -lambda + k * Math.log(lambda) - logFactorial(k);
    double term = Math.exp(logTerm);
    double sum = 0;
    for (long i = k; term > 0 && i < k + 10_000; i++) {
      sum += term;
      term *= lambda / (i + 1);
      if (term < sum * 1e-15) {
        break;
      }
    }
    return Math.min(1, sum);
  }

  private static double cdf(long k, double lambda) {
    double term = Math.exp(-lambda);
    double sum = term;
    for (long i = 1; i <= k; i++) {
      term *= lambda / i;
      sum += term;
    }
    return Math.min(1, sum);
  }

  static double logFactorial(long n) {
    if (n < 2) {
      return 0;
    }
    if (n < 50) {
      double s = 0;
      for (long i = 2; i <= n; i++) {
        s += Math.log(i);
      }
      return s;
    }
    double x = n + 1; // Stirling series for ln Γ(n+1)
    return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x * x * x);
  }
}
