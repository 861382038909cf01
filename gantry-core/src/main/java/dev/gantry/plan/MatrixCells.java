package dev.gantry.plan;

import java.util.List;
import java.util.Map;

/** The result of {@link MatrixExpansion#expand}: the cells, or why they cannot be known yet. */
public sealed interface MatrixCells {

    /**
     * The jobs a matrix makes, in the order they are created.
     *
     * @param cells one ordered map of matrix key to value per job (values are the plain YAML values
     *              of {@link dev.gantry.model.Matrix}); for GitLab {@code parallel: N}, N empty maps
     */
    record Cells(List<Map<String, Object>> cells) implements MatrixCells {
        public Cells {
            cells = List.copyOf(cells);
        }

        public int size() {
            return cells.size();
        }
    }

    /**
     * The matrix holds an expression that decides its shape at run time (the whole matrix, an axis,
     * or the include or exclude list).
     *
     * @param reason a plain phrase for messages, for example {@code "axis 'os' is an expression"}
     */
    record Dynamic(String reason) implements MatrixCells {
    }

    /**
     * The product of the axes is too large to build; no real matrix comes near this.
     *
     * @param combinations the number of combinations before {@code exclude} and {@code include}
     *                     ({@link Long#MAX_VALUE} when even that overflows)
     */
    record TooLarge(long combinations) implements MatrixCells {
    }
}
