"""One module per rule kind (domain.enums.RuleKind); each module exposes `KIND`, an object
following services.automation.model.Kind. The registry is services.automation.kinds.registry."""
