package cl.compraagil.ml.price;

import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ml/recommend")
class PriceController {

    private final PriceRecommender recommender;

    PriceController(PriceRecommender recommender) {
        this.recommender = recommender;
    }

    @PostMapping("/price")
    @Operation(summary = "Precio recomendado para cotizar, con distribución de precios ganadores y probabilidad de ganar")
    PriceRecommendation recommend(AuthenticatedUser user, @Valid @RequestBody PriceRequest request) {
        return recommender.recommend(request);
    }
}
