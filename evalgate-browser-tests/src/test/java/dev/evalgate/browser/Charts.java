package dev.evalgate.browser;

import com.microsoft.playwright.Page;

import java.util.List;

/**
 * What an ECharts chart drawn with the SVG renderer put on the page, counted in the DOM: a chart that received no
 * data still draws its axes, so the tests count the shapes data makes.
 */
final class Charts {

    /** A path of this many characters is a curve through data points, not an axis tick or a grid line. */
    private static final int CURVE_LENGTH = 200;

    private Charts() {
    }

    /** The number of {@code path} and {@code rect} elements in the SVG of the chart with that test id. */
    static int shapes(Page page, String testIdOrSelector) {
        return ((Number) page.evaluate("s => document.querySelectorAll(`${s} svg path, ${s} svg rect`).length",
                selector(testIdOrSelector))).intValue();
    }

    /** The number of data points ECharts holds for each series whose id starts with {@code idPrefix}. */
    @SuppressWarnings("unchecked")
    static List<Integer> seriesLengths(Page page, String selector, String idPrefix) {
        List<Number> lengths = (List<Number>) page.evaluate("([s, prefix]) => echarts.getInstanceByDom("
                + "document.querySelector(s)).getOption().series.filter(x => String(x.id).startsWith(prefix))"
                + ".map(x => x.data.length)", List.of(selector, idPrefix));
        return lengths.stream().map(Number::intValue).toList();
    }

    /** A bare test id becomes its attribute selector; anything else is taken as a CSS selector. */
    private static String selector(String testIdOrSelector) {
        return testIdOrSelector.matches("[a-z-]+") ? "[data-testid=\"" + testIdOrSelector + "\"]" : testIdOrSelector;
    }

    /** The number of paths long enough to be curves through data. */
    static int curves(Page page, String testId) {
        return ((Number) page.evaluate("([id, min]) => Array.from(document.querySelectorAll("
                + "`[data-testid=\"${id}\"] svg path`)).filter(p => (p.getAttribute('d') || '').length >= min).length",
                List.of(testId, CURVE_LENGTH))).intValue();
    }

    /** The texts the chart drew: axis labels, point labels, legends. */
    @SuppressWarnings("unchecked")
    static List<String> texts(Page page, String testId) {
        return (List<String>) page.evaluate("id => Array.from(document.querySelectorAll("
                + "`[data-testid=\"${id}\"] svg text`)).map(t => t.textContent)", testId);
    }

    /**
     * Shows the tooltip of every data point of every chart {@code selector} matches, through ECharts' own
     * {@code showTip} action (as hovering would, without moving the mouse over thousands of pixels), and returns
     * how many tooltips were asked for.
     */
    static int showEveryTooltip(Page page, String selector) {
        return ((Number) page.evaluate("""
                s => {
                  let shown = 0;
                  document.querySelectorAll(s).forEach(el => {
                    const chart = echarts.getInstanceByDom(el);
                    if (!chart) return;
                    chart.getOption().series.forEach((series, seriesIndex) => {
                      (series.data || []).forEach((_, dataIndex) => {
                        chart.dispatchAction({type: 'showTip', seriesIndex, dataIndex});
                        shown++;
                      });
                    });
                  });
                  return shown;
                }""", selector)).intValue();
    }
}
